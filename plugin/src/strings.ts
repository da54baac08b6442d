/**
 * Every string the user sees, in Dutch, in one place. Code elsewhere never spells out user-facing text.
 */
import type { FieldName, SuggestionType } from '@praktijkwijzer/core'

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
    noLibraryInstall: (folder: string) => `Deze kluis heeft nog geen kennisbank in de map "${folder}". De plug-in heeft er een bij zich: installeer haar met één klik, of kies een andere map in de instellingen.`,
    noLibrary: (folder: string) => `Geen kennisbank gevonden in de map "${folder}". Kies de juiste map in de instellingen van Praktijkwijzer.`,
    noNote: 'Open een casusnotitie om passende praktijken te zien.',
    libraryNote: 'Dit is een notitie uit de kennisbank zelf; suggesties verschijnen bij casusnotities.',
    notCaseNote: 'Deze notitie staat niet in een map voor casusnotities. Pas de mappen aan in de instellingen als je hier wel suggesties wilt.',
    tooShort: 'Begin met schrijven: suggesties verschijnen terwijl je typt.',
    nothingFound: 'Geen passende praktijken gevonden. Beschrijf de situatie wat uitgebreider, in je eigen woorden.',
    noClearMatch: 'Geen duidelijke match in de kennisbank voor deze notitie.',
    showWeak: (n: number) => (n === 1 ? 'Toch de zwakke suggestie tonen' : `Toch de ${n} zwakke suggesties tonen`),
    keptFor: (note: string) => `Bij de notitie "${note}":`,
    error: (message: string) => `Er ging iets mis bij het zoeken: ${message}. De rest van Obsidian werkt gewoon door.`
  },

  status: {
    notes: (n: number) => (n === 1 ? '1 notitie geladen' : `${n} notities geladen`),
    progress: (done: number, total: number) => `Kennisbank inlezen… ${done} van ${total}`,
    missing: 'Geen kennisbank',
    version: (version: string) => `versie ${version}`,
    refresh: 'Kennisbank opnieuw inlezen',
    problems: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0
        ? 'geen problemen'
        : [errors > 0 ? `${errors} ${errors === 1 ? 'fout' : 'fouten'}` : '', warnings > 0 ? `${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}` : '']
            .filter((s) => s !== '')
            .join(', '),
    problemsHint: (problems: string) => `Problemen in de kennisbank tonen (${problems})`
  },

  list: {
    suggestions: 'Suggesties, de beste eerst',
    literature: 'Literatuur bij deze suggesties',
    more: (n: number) => (n === 1 ? 'Nog 1 suggestie tonen' : `Nog ${n} suggesties tonen`)
  },

  level: { sterk: 'sterke match', redelijk: 'redelijke match', zwak: 'zwakke match' },

  /** The one line of why, in plain words. `kind` is "deze praktijk", "deze methodiek" or "dit thema". */
  why: {
    kind: { praktijk: 'deze praktijk', methodiek: 'deze methodiek', thema: 'dit thema' } satisfies Record<SuggestionType, string>,
    youWrote: 'Jij schreef ',
    signal: (kind: string) => `Herkenbaar signaal bij ${kind}: `,
    via: 'Hoort bij ',
    passage: {
      signaal: (kind: string) => `herkenbaar signaal bij ${kind}`,
      'wat werkt': (kind: string) => `komt terug in wat werkt bij ${kind}`,
      titel: (kind: string) => `staat in de titel van ${kind}`,
      samenvatting: (kind: string) => `staat in de samenvatting van ${kind}`,
      tekst: (kind: string) => `komt terug in de tekst van ${kind}`
    },
    field: {
      title: (kind: string) => `staat in de titel van ${kind}`,
      signalen: (kind: string) => `staat bij de signalen van ${kind}`,
      watwerkt: (kind: string) => `komt terug in wat werkt bij ${kind}`,
      samenvatting: (kind: string) => `staat in de samenvatting van ${kind}`,
      body: (kind: string) => `komt terug in de tekst van ${kind}`
    } satisfies Record<FieldName, (kind: string) => string>
  },

  /** The proposals for a library note's missing links. */
  links: {
    heading: 'Mogelijk ontbrekende verbanden',
    intro: 'Links die deze notitie waarschijnlijk mist, met de redenen. Controleer ze in de notities zelf voordat je er een toevoegt.',
    none: 'Geen ontbrekende verbanden gevonden voor deze notitie.',
    field: (field: string) => `veld ${field}`,
    add: (field: string) => `Toevoegen aan ${field}`,
    dismiss: 'Negeren',
    dismissTitle: 'Dit voorstel niet meer tonen bij deze notitie',
    added: (target: string, field: string, note: string) => `[[${target}]] toegevoegd aan het veld "${field}" van ${note}.`,
    already: (target: string, field: string) => `[[${target}]] staat al in het veld "${field}".`,
    dismissed: (n: number) => (n === 1 ? '1 voorstel genegeerd bij deze notitie.' : `${n} voorstellen genegeerd bij deze notitie.`)
  },

  item: {
    scoreTitle: (score: number) => `Score ${score.toFixed(2).replace('.', ',')} (0 tot 1)`,
    evidence: (status: string) => `bewijs: ${status}`,
    grondslag: (basis: string) => `grondslag: ${basis}`,
    yourWords: 'Jouw woorden:',
    via: (titles: string[]) => `via ${titles.join(', ')}`,
    /** An action's accessible name: the label and the note it is about, so that no two are the same. */
    of: (label: string, title: string) => `${label}: ${title}`,
    whatWorks: (n: number) => `Wat werkt (${n})`,
    details: 'Waarom?',
    insertLink: 'Link invoegen',
    insertChecklist: 'Als checklist invoegen',
    cite: 'Citeren',
    citeTitle: 'Verwijzing (APA) invoegen en de bron aan de literatuurlijst toevoegen'
  },

  keys: {
    open: 'openen',
    newTab: 'in een nieuw tabblad',
    insertLink: 'link invoegen',
    cite: 'citeren',
    close: 'sluiten',
    move: 'kiezen'
  },

  insert: {
    checklistHeading: (link: string) => `Wat werkt (uit ${link}):`,
    literatureHeading: 'Literatuur',
    noEditor: 'Open eerst een notitie in de editor om iets in te voegen.',
    noWhatWorks: 'Deze praktijk heeft geen punten onder "Wat werkt".',
    notFound: 'Deze notitie staat niet (meer) in de kennisbank.',
    failed: (message: string) => `Invoegen is niet gelukt: ${message}`,
    frontmatterNotMap: 'de eigenschappen bovenaan de notitie zijn geen lijst van namen en waarden',
    referenceAdded: 'Verwijzing ingevoegd en de bron aan de literatuurlijst toegevoegd.'
  },

  modal: {
    searchPlaceholder: 'Zoek een praktijk, methodiek, thema of bron (titel, andere naam of woorden uit de tekst)…',
    literaturePlaceholder: 'Zoek een bron (auteur, jaar of titel)…',
    aliases: (names: string[]) => `ook: ${names.join(', ')}`,
    nothingFound: 'Niets gevonden. Probeer een ander woord.',
    problemsTitle: 'Problemen in de kennisbank',
    noProblems: 'De kennisbank heeft geen problemen.',
    level: { error: 'fout', warning: 'waarschuwing' },
    emptyLibrary: 'De kennisbank is nog niet ingelezen of leeg.'
  },

  /** The library the plugin carries: install, update and the panel's line (see `update/`). */
  library: {
    command: 'Kennisbank bijwerken',
    install: 'Kennisbank installeren',
    update: 'Kennisbank bijwerken',
    outdated: (installed: string, carried: string) => `Kennisbank is ouder (${installed}; de plug-in heeft ${carried})`,
    interrupted: 'Bijwerken van de kennisbank is onderbroken: maak het af',
    title: (version: string) => `Kennisbank bijwerken naar ${version}`,
    intro: (folder: string) => `Zo zou de map "${folder}" veranderen. Een aanpassing van het team wordt nooit overschreven.`,
    cancel: 'Annuleren',
    confirm: 'Bijwerken',
    added: (n: number) => `Nieuw: ${n}`,
    updated: (n: number) => `Bijgewerkt: ${n}`,
    conflicts: (n: number) => `Conflicten: ${n}${n > 0 ? ' (jullie versie blijft staan; de nieuwe komt ernaast als "(nieuwe versie)")' : ''}`,
    removed: (n: number) => `Verwijderd: ${n}`,
    kept: (n: number) => `Behouden (door het team gewijzigd of verwijderd): ${n}`,
    unchanged: (n: number) => `Ongewijzigd: ${n}`,
    moved: (n: number) => `Verplaatst door het team (bijgewerkt op de nieuwe plek): ${n}`,
    blocked: (paths: string[]) => `Overgeslagen (er staat iets in de weg): ${paths.join(', ')}`,
    current: (folder: string, version: string) => `De kennisbank in "${folder}" is al bij (${version}).`,
    done: (folder: string, written: number, trashed: number) => `De kennisbank in "${folder}" is bijgewerkt: ${written} ${written === 1 ? 'bestand' : 'bestanden'} geschreven, ${trashed} naar de prullenbak.`,
    skipped: (paths: string[]) =>
      ` ${paths.length === 1 ? 'Eén bestand veranderde intussen en bleef' : `${paths.length} bestanden veranderden intussen en bleven`} zoals het team ${paths.length === 1 ? 'het' : 'ze'} had: ${paths.join(', ')}.`,
    unfinished: (message: string) => `Bijwerken is niet afgemaakt (${message}). Er gaat geen aanpassing verloren: kies *Kennisbank bijwerken* opnieuw om het af te maken.`,
    failed: (message: string) => `De kennisbank kon niet worden bijgewerkt: ${message}`
  },

  notice: {
    indexRefreshed: (n: number) => `Kennisbank opnieuw ingelezen: ${n} notities.`
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
