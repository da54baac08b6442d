/**
 * Every string the user sees, in Dutch, in one place. Code elsewhere never spells out user-facing text.
 */
import type { SuggestionType } from '@praktijkwijzer/core'

/** Dutch names of the kinds of library note, singular, for the badge on an item. */
export const KIND_LABEL: Record<SuggestionType | 'literatuur', string> = {
  praktijk: 'Praktijk',
  methodiek: 'Methodiek',
  thema: 'Thema',
  literatuur: 'Literatuur'
}

/** Dutch headings of the groups in the panel. */
export const GROUP_LABEL: Record<SuggestionType | 'literatuur', string> = {
  praktijk: 'Praktijken',
  methodiek: 'Methodieken',
  thema: "Thema's",
  literatuur: 'Literatuur'
}

export const nl = {
  pluginName: 'Praktijkwijzer',
  viewTitle: 'Praktijkwijzer',
  ribbonOpen: 'Praktijkwijzer openen',

  commands: {
    openPanel: 'Paneel openen',
    searchLibrary: 'Kennisbank doorzoeken',
    insertReference: 'Literatuurverwijzing invoegen',
    refreshIndex: 'Kennisbank opnieuw inlezen',
    showProblems: 'Problemen in de kennisbank tonen',
    privacyCheck: 'Privacycontrole van deze notitie'
  },

  privacy: {
    title: (note: string) => `Privacycontrole: ${note}`,
    none: 'Geen persoonsgegevens gevonden in deze notitie.',
    found: (n: number) =>
      n === 1
        ? 'Eén mogelijk persoonsgegeven gevonden. Haal het weg of vervang het door een pseudoniem.'
        : `${n} mogelijke persoonsgegevens gevonden. Haal ze weg of vervang ze door een pseudoniem.`,
    where: (line: number, column: number) => `Regel ${line}, kolom ${column}`,
    select: 'Selecteer deze plek in de notitie',
    limits: 'De controle zoekt naar patronen (BSN, telefoonnummer, e-mailadres, IBAN, postcode met huisnummer, geboortedatum, naam na een aanspreekvorm). Een naam zonder aanspreekvorm ziet ze niet: lees zelf ook na.'
  },

  state: {
    loading: 'De kennisbank wordt ingelezen…',
    noLibrary: (folder: string) => `Geen kennisbank gevonden in de map "${folder}". Kies de juiste map in de instellingen van Praktijkwijzer.`,
    noNote: 'Open een casusnotitie om passende praktijken te zien.',
    libraryNote: 'Dit is een notitie uit de kennisbank zelf; suggesties verschijnen bij casusnotities.',
    notCaseNote: 'Deze notitie staat niet in een map voor casusnotities. Pas de mappen aan in de instellingen als je hier wel suggesties wilt.',
    tooShort: 'Begin met schrijven: suggesties verschijnen terwijl je typt.',
    nothingFound: 'Geen passende praktijken gevonden. Beschrijf de situatie wat uitgebreider, in je eigen woorden.',
    onlyWeak: 'Alleen zwakke overeenkomsten: neem deze suggesties met een korrel zout.',
    error: (message: string) => `Er ging iets mis bij het zoeken: ${message}. De rest van Obsidian werkt gewoon door.`
  },

  status: {
    notes: (n: number) => (n === 1 ? '1 notitie geladen' : `${n} notities geladen`),
    problems: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0
        ? 'geen problemen'
        : [errors > 0 ? `${errors} ${errors === 1 ? 'fout' : 'fouten'}` : '', warnings > 0 ? `${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}` : '']
            .filter((s) => s !== '')
            .join(', '),
    problemsHint: 'Klik om de problemen in de kennisbank te zien'
  },

  item: {
    score: { strong: 'sterke match', fair: 'redelijke match', weak: 'zwakke match' },
    scoreTitle: (score: number) => `Score ${score.toFixed(2).replace('.', ',')} (0 tot 1)`,
    evidence: (status: string) => `bewijs: ${status}`,
    yourWords: 'Jouw woorden:',
    via: (titles: string[]) => `via ${titles.join(', ')}`,
    open: 'Openen (Ctrl/Cmd-klik: in een nieuw tabblad)',
    insertLink: 'Link invoegen',
    insertChecklist: '"Wat werkt" als checklist invoegen',
    cite: 'Citeren',
    citeTitle: 'Verwijzing (APA) invoegen en de bron aan de literatuurlijst toevoegen'
  },

  insert: {
    checklistHeading: (link: string) => `Wat werkt (uit ${link}):`,
    literatureHeading: 'Literatuur',
    noEditor: 'Open eerst een notitie in de editor om iets in te voegen.',
    noWhatWorks: 'Deze praktijk heeft geen punten onder "Wat werkt".',
    notFound: 'Deze notitie staat niet (meer) in de kennisbank.',
    failed: (message: string) => `Invoegen is niet gelukt: ${message}`,
    referenceAdded: 'Verwijzing ingevoegd en de bron aan de literatuurlijst toegevoegd.'
  },

  modal: {
    searchPlaceholder: 'Zoek een praktijk, methodiek, thema of bron…',
    literaturePlaceholder: 'Zoek een bron (auteur, jaar of titel)…',
    aliasOf: (title: string) => `→ ${title}`,
    problemsTitle: 'Problemen in de kennisbank',
    noProblems: 'De kennisbank heeft geen problemen.',
    level: { error: 'fout', warning: 'waarschuwing' },
    emptyLibrary: 'De kennisbank is nog niet ingelezen of leeg.'
  },

  notice: {
    indexRefreshed: (n: number) => `Kennisbank opnieuw ingelezen: ${n} notities.`,
    indexFailed: (message: string) => `De kennisbank kon niet worden ingelezen: ${message}`
  },

  settings: {
    headingLibrary: 'Kennisbank',
    headingSuggestions: 'Suggesties',
    headingCitations: 'Literatuur',
    libraryFolder: 'Map van de kennisbank',
    libraryFolderDesc: 'De map in deze kluis met de notities van de kennisbank (thema, methodiek, praktijk, literatuur).',
    libraryFolderInvalid: 'Vul een map in.',
    caseFolders: 'Mappen met casusnotities',
    caseFoldersDesc: 'Eén map per regel. Suggesties verschijnen alleen bij notities in deze mappen; laat leeg voor suggesties bij elke notitie buiten de kennisbank.',
    maxResults: 'Aantal suggesties',
    maxResultsDesc: 'Het grootste aantal praktijken, methodieken en thema\u2019s samen dat het paneel toont.',
    minScore: 'Minimale score',
    minScoreDesc: 'Suggesties met een lagere score (0 tot 1) worden weggelaten.',
    debounce: 'Wachttijd na typen (ms)',
    debounceDesc: 'Hoe lang het paneel na de laatste toetsaanslag wacht voordat het opnieuw zoekt.',
    showKind: (label: string) => `${label} tonen`,
    showKindDesc: 'Deze soort in het paneel laten zien.',
    focus: 'Waar het paneel naar kijkt',
    focusDesc: 'De hele notitie, of vooral de alinea of sectie waar de cursor staat.',
    focusNote: 'De hele notitie',
    focusSection: 'De sectie bij de cursor',
    openIn: 'Notities uit de kennisbank openen in',
    openInDesc: 'Een notitie die je vanuit het paneel of de zoekfunctie opent, komt nooit over de notitie die je schrijft. Met Ctrl/Cmd-klik altijd in een nieuw tabblad.',
    openInTab: 'Een nieuw tabblad',
    openInSplit: 'Naast de notitie (gesplitst)',
    citation: 'Waar de volledige verwijzing komt',
    citationDesc: 'Bij citeren komt de korte verwijzing op de cursor; de volledige APA-verwijzing komt in de eigenschap "literatuur" of onder een kop "Literatuur" onderaan de notitie.',
    citationFrontmatter: 'Eigenschap "literatuur"',
    citationSection: 'Kop "Literatuur" onderaan'
  }
} as const
