// Rasd dashboard: plain JavaScript, no library, no network beyond this server.
//
// Every panel's data comes from /api/v1 (aggregates, points, events, boundaries); the whole
// view state (filters, map position, shading, sort, open event, language) lives in the URL hash
// so a view can be shared and reloaded. Text from the data is always inserted with
// textContent, never as HTML.
'use strict';

(function () {
  // ---------------------------------------------------------------- constants and labels
  const TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence',
    'Protests', 'Riots', 'Strategic developments'];
  const TYPE_COLORS = ['#c0392b', '#e67e22', '#7d3c98', '#2e86c1', '#b7950b', '#1e8449'];
  const SUB_TYPES = ['Government regains territory', 'Non-state actor overtakes territory',
    'Armed clash', 'Excessive force against protesters', 'Protest with intervention',
    'Peaceful protest', 'Violent demonstration', 'Mob violence', 'Chemical weapon',
    'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Grenade', 'Sexual violence', 'Attack',
    'Abduction/forced disappearance', 'Agreement', 'Arrests', 'Change to group/activity',
    'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction',
    'Non-violent transfer of territory', 'Other'];
  const FILTER_KEYS = ['from', 'to', 'country', 'admin1', 'admin2', 'type', 'sub_type', 'actor', 'text', 'ids'];
  const CAPABILITIES = ['drone_armed', 'drone_surveillance', 'ied', 'vbied', 'suicide', 'shelling',
    'kidnapping', 'kidnapping_foreigners', 'complex_attack_on_base', 'convoy_attack'];
  const ROLES = ['trigger', 'actor1', 'actor2', 'location', 'date', 'fatalities'];

  // Every interface label, in one table per language.
  const LABELS = {
    en: {
      subtitle: 'Conflict events in the Sahel', language: 'Language', share: 'Copy link',
      copied: 'Link copied', from: 'From', to: 'To', country: 'Country', admin1: 'Region',
      type: 'Event type', sub_type: 'Sub-event type', actor: 'Actor', text: 'Search text', text_placeholder: 'words, "a phrase"',
      reset: 'Reset', any: 'All', map: 'Map', shading: 'Shading', choro_none: 'No shading',
      choro_admin1: 'Shade regions (admin1)', choro_admin2: 'Shade districts (admin2)',
      metric: 'Measure', metric_events: 'Events', metric_fatalities: 'Fatalities',
      map_label: 'Map of events', zoom_home: 'Whole region', timeline: 'Per week, by type',
      drag_hint: 'Drag across the timeline to select dates', clear_dates: 'Clear dates',
      breakdown: 'Breakdown', by_actor: 'By actor', by_admin1: 'By region',
      by_sub_type: 'By sub-event type', by_country: 'By country', table: 'Events',
      export_csv: 'CSV', export_geojson: 'GeoJSON', col_date: 'Date', col_type: 'Type',
      col_sub_type: 'Sub-event type', col_actor1: 'Actor 1', col_actor2: 'Actor 2',
      col_location: 'Location', col_fatalities: 'Fatalities', col_sources: 'Sources',
      prev: 'Previous', next: 'Next', page_size: 'Per page', page_info: '{a}–{b} of {n}',
      no_events: 'No event matches these filters.', close: 'Close', fields: 'Fields',
      sources: 'Sources', first_report: 'first report', merged: 'merged: {r}',
      published: 'published {d}', reported: '{n} fatalities reported', source_text: 'Source text',
      title_text: 'Title', notes: 'ACLED notes', open_source: 'open the source',
      token_title: 'Access token', token_help: 'This server requires an access token.',
      token_submit: 'Connect', totals: '{e} events · {f} fatalities',
      cluster: '{n} events · {f} fatalities — click to zoom in', undated: 'undated',
      week_of: 'week of {d}', events_n: '{n} events', fatalities_n: '{n} fatalities',
      footer: 'Rasd codes published reporting into ACLED-style events; every field links to the text it comes from.',
      no_text: 'The text is too long to show here.', evidence: 'Highlighted',
      scale: '{m} per area',
      tab_overview: 'Overview', tab_analysis: 'Analysis', analysis: 'Analysis',
      analysis_hint: 'For the current filters', choro_control: 'Control indicator (admin2)',
      series_title: 'Events, fatalities and sources', interval: 'Interval', per_day: 'Per day',
      per_week: 'Per week', per_month: 'Per month', per_quarter: 'Per quarter', period: 'Period',
      series_note: 'Sources: distinct outlets per period. More events with as many more sources may be more reporting, not more violence.',
      band_sources: 'Sources', series_tip: '{p}: {e} events · {f} fatalities · {s} sources ({r} reports)',
      no_data: 'No data for these filters.',
      flags_title: 'Early-warning flags', level: 'Level', level_admin2: 'Districts (admin2)',
      level_admin1: 'Regions (admin1)', level_actor: 'Armed actors',
      flags_hint: 'Weeks unusually violent against the area’s own past (score = −log10 p). Click a flag to show its events.',
      flags_count: '{n} flags in {m} areas monitored', score: 'score {s}',
      flag_why: { events: '{o} violent events, {e} expected', fatalities: '{o} deaths, {e} expected',
        build_up: '{o} violent events in 4 weeks, {e} expected' },
      no_flags: 'No flag for these filters.', spread_title: 'New spread',
      show_more: 'Show more ({n} of {m} shown)', earlier_periods: 'Show {n} earlier periods',
      spread_why: '{a}: first event in {p}', since: 'previous {d}',
      control_title: 'Territorial control / influence — indicator', month: 'Month',
      control_show: 'Show on the map',
      control_note: 'An indicator built from reported events, not a map of control: absence of reports is not absence of control.',
      control_month: 'Indicator for {m}', no_control: 'No district has a signal this month.',
      control_label: { no_signal: 'no signal', contested: 'contested', state_influence: 'state influence',
        group_influence: '{g} influence' },
      reasons: { overtakes: 'territory taken', lost_territory: 'territory lost', regains: 'territory regained',
        transfer: 'territory transferred', withdrawal: 'withdrawal', base_established: 'base established',
        base_abandoned: 'base abandoned', blockade: 'blockade', taxation: 'taxation', governance: 'governance',
        state_battle: 'state-initiated battle', arrest: 'arrest', patrol: 'patrol', violence: 'violence initiated' },
      inputs: 'Inputs (events behind the value)', col_event: 'Event', col_reason: 'Why', col_weight: 'Weight',
      col_score: 'Score', scores: 'Scores', show_events: 'Show these events on the map and table',
      violence_share: 'Share of violence initiated: {v}',
      cap_title: 'Actor capabilities and tactics', all_actors: 'All actors', capability: 'Capability',
      first_seen: 'First seen', first_seen_item: '{d} · {c} · {a}', event_n: 'event {n}',
      caps: { drone_armed: 'Armed drones', drone_surveillance: 'Surveillance drones', ied: 'IEDs',
        vbied: 'Vehicle-borne IEDs', suicide: 'Suicide attacks', shelling: 'Mortar / rocket fire',
        kidnapping: 'Kidnappings', kidnapping_foreigners: 'Kidnappings of foreigners',
        complex_attack_on_base: 'Complex attacks on bases', convoy_attack: 'Convoy / road attacks' },
      chip_admin2: 'District: {v}', chip_ids: '{n} selected events', remove: 'remove',
      roles: { trigger: 'event', actor1: 'actor 1', actor2: 'actor 2', location: 'place',
        date: 'date', fatalities: 'fatalities' },
      field: { event_date: 'Date', time_precision: 'Time precision', event_type: 'Event type',
        sub_event_type: 'Sub-event type', actor1: 'Actor 1', assoc_actor_1: 'Associated actor 1',
        inter1: 'Inter 1', actor2: 'Actor 2', assoc_actor_2: 'Associated actor 2',
        inter2: 'Inter 2', country: 'Country', admin1: 'Admin 1', admin2: 'Admin 2',
        location: 'Location', latitude: 'Latitude', longitude: 'Longitude',
        geo_precision: 'Geo precision', fatalities: 'Fatalities', confidence: 'Confidence',
        tags: 'Tags', origin: 'Origin', source: 'Source', source_count: 'Documents',
        event_id_cnty: 'ACLED id', coder_version: 'Coder' },
      types: {}, sub_types: {},
    },
    fr: {
      subtitle: 'Événements de conflit au Sahel', language: 'Langue', share: 'Copier le lien',
      copied: 'Lien copié', from: 'Du', to: 'Au', country: 'Pays', admin1: 'Région',
      type: 'Type d’événement', sub_type: 'Sous-type', actor: 'Acteur', text: 'Recherche', text_placeholder: 'mots, "une expression"',
      reset: 'Réinitialiser', any: 'Tous', map: 'Carte', shading: 'Coloration',
      choro_none: 'Sans coloration', choro_admin1: 'Colorer les régions (admin1)',
      choro_admin2: 'Colorer les cercles/départements (admin2)', metric: 'Mesure',
      metric_events: 'Événements', metric_fatalities: 'Victimes', map_label: 'Carte des événements',
      zoom_home: 'Toute la région', timeline: 'Par semaine, par type',
      drag_hint: 'Glissez sur la frise pour choisir des dates', clear_dates: 'Effacer les dates',
      breakdown: 'Répartition', by_actor: 'Par acteur', by_admin1: 'Par région',
      by_sub_type: 'Par sous-type', by_country: 'Par pays', table: 'Événements',
      export_csv: 'CSV', export_geojson: 'GeoJSON', col_date: 'Date', col_type: 'Type',
      col_sub_type: 'Sous-type', col_actor1: 'Acteur 1', col_actor2: 'Acteur 2',
      col_location: 'Lieu', col_fatalities: 'Victimes', col_sources: 'Sources',
      prev: 'Précédent', next: 'Suivant', page_size: 'Par page', page_info: '{a}–{b} sur {n}',
      no_events: 'Aucun événement ne correspond à ces filtres.', close: 'Fermer',
      fields: 'Champs', sources: 'Sources', first_report: 'premier signalement',
      merged: 'fusionné : {r}', published: 'publié le {d}', reported: '{n} victimes signalées',
      source_text: 'Texte source', title_text: 'Titre', notes: 'Notes ACLED',
      open_source: 'ouvrir la source', token_title: 'Jeton d’accès',
      token_help: 'Ce serveur exige un jeton d’accès.', token_submit: 'Se connecter',
      totals: '{e} événements · {f} victimes',
      cluster: '{n} événements · {f} victimes — cliquer pour zoomer', undated: 'non daté',
      week_of: 'semaine du {d}', events_n: '{n} événements', fatalities_n: '{n} victimes',
      footer: 'Rasd code les informations publiées en événements de type ACLED ; chaque champ renvoie au texte dont il provient.',
      no_text: 'Le texte est trop long pour être affiché ici.', evidence: 'Surligné',
      scale: '{m} par zone',
      tab_overview: 'Vue d’ensemble', tab_analysis: 'Analyse', analysis: 'Analyse',
      analysis_hint: 'Pour les filtres en cours', choro_control: 'Indicateur de contrôle (admin2)',
      series_title: 'Événements, victimes et sources', interval: 'Intervalle', per_day: 'Par jour',
      per_week: 'Par semaine', per_month: 'Par mois', per_quarter: 'Par trimestre', period: 'Période',
      series_note: 'Sources : médias distincts par période. Plus d’événements avec autant de sources en plus peut signifier plus de couverture, pas plus de violence.',
      band_sources: 'Sources', series_tip: '{p} : {e} événements · {f} victimes · {s} sources ({r} signalements)',
      no_data: 'Aucune donnée pour ces filtres.',
      flags_title: 'Alertes précoces', level: 'Niveau', level_admin2: 'Cercles/départements (admin2)',
      level_admin1: 'Régions (admin1)', level_actor: 'Acteurs armés',
      flags_hint: 'Semaines anormalement violentes par rapport au passé de la zone (score = −log10 p). Cliquer une alerte affiche ses événements.',
      flags_count: '{n} alertes, {m} zones suivies', score: 'score {s}',
      flag_why: { events: '{o} événements violents, {e} attendus', fatalities: '{o} morts, {e} attendus',
        build_up: '{o} événements violents en 4 semaines, {e} attendus' },
      no_flags: 'Aucune alerte pour ces filtres.', spread_title: 'Nouvelle extension',
      show_more: 'Afficher plus ({n} sur {m} affichées)', earlier_periods: 'Afficher {n} périodes antérieures',
      spread_why: '{a} : premier événement à {p}', since: 'précédent {d}',
      control_title: 'Contrôle / influence territoriale — indicateur', month: 'Mois',
      control_show: 'Afficher sur la carte',
      control_note: 'Un indicateur construit à partir des événements rapportés, pas une carte du contrôle : l’absence de signalement n’est pas l’absence de contrôle.',
      control_month: 'Indicateur pour {m}', no_control: 'Aucun cercle n’a de signal ce mois-ci.',
      control_label: { no_signal: 'pas de signal', contested: 'contesté', state_influence: 'influence de l’État',
        group_influence: 'influence {g}' },
      reasons: { overtakes: 'territoire pris', lost_territory: 'territoire perdu', regains: 'territoire repris',
        transfer: 'transfert de territoire', withdrawal: 'retrait', base_established: 'base établie',
        base_abandoned: 'base abandonnée', blockade: 'blocus', taxation: 'taxation', governance: 'gouvernance',
        state_battle: 'combat engagé par l’État', arrest: 'arrestation', patrol: 'patrouille', violence: 'violence initiée' },
      inputs: 'Entrées (événements derrière la valeur)', col_event: 'Événement', col_reason: 'Motif', col_weight: 'Poids',
      col_score: 'Score', scores: 'Scores', show_events: 'Afficher ces événements sur la carte et le tableau',
      violence_share: 'Part de la violence initiée : {v}',
      cap_title: 'Capacités et tactiques des acteurs', all_actors: 'Tous les acteurs', capability: 'Capacité',
      first_seen: 'Première observation', first_seen_item: '{d} · {c} · {a}', event_n: 'événement {n}',
      caps: { drone_armed: 'Drones armés', drone_surveillance: 'Drones de surveillance', ied: 'Engins explosifs improvisés',
        vbied: 'Véhicules piégés', suicide: 'Attentats-suicides', shelling: 'Tirs de mortier / roquettes',
        kidnapping: 'Enlèvements', kidnapping_foreigners: 'Enlèvements d’étrangers',
        complex_attack_on_base: 'Attaques complexes de bases', convoy_attack: 'Attaques de convois / routes' },
      chip_admin2: 'Cercle : {v}', chip_ids: '{n} événements sélectionnés', remove: 'retirer',
      roles: { trigger: 'événement', actor1: 'acteur 1', actor2: 'acteur 2', location: 'lieu',
        date: 'date', fatalities: 'victimes' },
      field: { event_date: 'Date', time_precision: 'Précision de la date', event_type: 'Type',
        sub_event_type: 'Sous-type', actor1: 'Acteur 1', assoc_actor_1: 'Acteur associé 1',
        inter1: 'Inter 1', actor2: 'Acteur 2', assoc_actor_2: 'Acteur associé 2',
        inter2: 'Inter 2', country: 'Pays', admin1: 'Admin 1', admin2: 'Admin 2',
        location: 'Lieu', latitude: 'Latitude', longitude: 'Longitude',
        geo_precision: 'Précision géographique', fatalities: 'Victimes', confidence: 'Confiance',
        tags: 'Étiquettes', origin: 'Origine', source: 'Source', source_count: 'Documents',
        event_id_cnty: 'Identifiant ACLED', coder_version: 'Codeur' },
      types: {
        'Battles': 'Batailles', 'Violence against civilians': 'Violence contre les civils',
        'Explosions/Remote violence': 'Explosions/violence à distance',
        'Protests': 'Manifestations', 'Riots': 'Émeutes',
        'Strategic developments': 'Développements stratégiques',
      },
      sub_types: {
        'Government regains territory': 'Le gouvernement reprend un territoire',
        'Non-state actor overtakes territory': 'Un acteur non étatique prend un territoire',
        'Armed clash': 'Affrontement armé',
        'Excessive force against protesters': 'Force excessive contre des manifestants',
        'Protest with intervention': 'Manifestation avec intervention',
        'Peaceful protest': 'Manifestation pacifique', 'Violent demonstration': 'Manifestation violente',
        'Mob violence': 'Violence de foule', 'Chemical weapon': 'Arme chimique',
        'Air/drone strike': 'Frappe aérienne/de drone', 'Suicide bomb': 'Attentat-suicide',
        'Shelling/artillery/missile attack': 'Bombardement/artillerie/missile',
        'Remote explosive/landmine/IED': 'Explosif à distance/mine/EEI', 'Grenade': 'Grenade',
        'Sexual violence': 'Violence sexuelle', 'Attack': 'Attaque',
        'Abduction/forced disappearance': 'Enlèvement/disparition forcée',
        'Agreement': 'Accord', 'Arrests': 'Arrestations',
        'Change to group/activity': 'Changement de groupe/d’activité',
        'Disrupted weapons use': 'Usage d’armes déjoué',
        'Headquarters or base established': 'Quartier général ou base établi',
        'Looting/property destruction': 'Pillage/destruction de biens',
        'Non-violent transfer of territory': 'Transfert non violent de territoire',
        'Other': 'Autre',
      },
    },
  };
  // Labels shown beside Arabic data (the source text of an Arabic report).
  const ARABIC = {
    source_text: 'النص المصدر', title_text: 'العنوان', published: 'تاريخ النشر',
    roles: { trigger: 'الحدث', actor1: 'الفاعل', actor2: 'الطرف الثاني', location: 'المكان',
      date: 'التاريخ', fatalities: 'الضحايا' },
  };

  // ---------------------------------------------------------------- state and URL
  const state = {
    f: { from: '', to: '', country: '', admin1: '', admin2: '', type: '', sub_type: '', actor: '', text: '', ids: '' },
    lang: 'en', choro: 'none', metric: 'events', sort: 'date_desc', limit: 50, topBy: 'actor',
    // Analysis tab: series interval, flag level, control month, capabilities actor and period.
    tab: 'overview', sint: 'week', flevel: 'admin2', cmonth: '', cactor: '', cperiod: 'quarter',
    view: null, // {lon, lat, k}
    event: null,
  };
  const page = { cursors: [null], index: 0 };

  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const k of FILTER_KEYS) state.f[k] = p.get(k) || '';
    const lang = p.get('lang') || (navigator.language || 'en').slice(0, 2);
    state.lang = LABELS[lang] ? lang : 'en';
    state.choro = ['none', 'admin1', 'admin2', 'control'].includes(p.get('choro')) ? p.get('choro') : 'none';
    state.tab = p.get('tab') === 'analysis' ? 'analysis' : 'overview';
    state.sint = ['day', 'week', 'month'].includes(p.get('sint')) ? p.get('sint') : 'week';
    state.flevel = ['admin1', 'admin2', 'actor'].includes(p.get('flevel')) ? p.get('flevel') : 'admin2';
    state.cmonth = /^\d{4}-\d\d$/.test(p.get('cmonth') || '') ? p.get('cmonth') : '';
    state.cactor = p.get('cactor') || '';
    state.cperiod = p.get('cperiod') === 'month' ? 'month' : 'quarter';
    state.metric = p.get('metric') === 'fatalities' ? 'fatalities' : 'events';
    const sort = p.get('sort');
    state.sort = ['date_desc', 'date_asc', 'fatalities_desc', 'fatalities_asc'].includes(sort) ? sort : 'date_desc';
    const limit = parseInt(p.get('limit'), 10);
    state.limit = [25, 50, 100, 250].includes(limit) ? limit : 50;
    state.topBy = ['actor', 'admin1', 'sub_type', 'country'].includes(p.get('top')) ? p.get('top') : 'actor';
    const m = (p.get('map') || '').split(',').map(Number);
    state.view = m.length === 3 && m.every(Number.isFinite) ? { lon: m[0], lat: m[1], k: m[2] } : null;
    const ev = parseInt(p.get('event'), 10);
    state.event = Number.isFinite(ev) && ev > 0 ? ev : null;
    if (p.get('token')) {
      sessionStorage.setItem('rasd-token', p.get('token'));
    }
  }

  function writeHash(push) {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (state.f[k]) p.set(k, state.f[k]);
    if (state.lang !== 'en') p.set('lang', state.lang);
    if (state.choro !== 'none') p.set('choro', state.choro);
    if (state.metric !== 'events') p.set('metric', state.metric);
    if (state.sort !== 'date_desc') p.set('sort', state.sort);
    if (state.limit !== 50) p.set('limit', String(state.limit));
    if (state.topBy !== 'actor') p.set('top', state.topBy);
    if (state.tab !== 'overview') p.set('tab', state.tab);
    if (state.sint !== 'week') p.set('sint', state.sint);
    if (state.flevel !== 'admin2') p.set('flevel', state.flevel);
    if (state.cmonth) p.set('cmonth', state.cmonth);
    if (state.cactor) p.set('cactor', state.cactor);
    if (state.cperiod !== 'quarter') p.set('cperiod', state.cperiod);
    if (map.ready) p.set('map', [map.lon.toFixed(3), map.lat.toFixed(3), map.k.toFixed(1)].join(','));
    if (state.event) p.set('event', String(state.event));
    const hash = '#' + p.toString();
    if (hash !== location.hash) {
      history[push ? 'pushState' : 'replaceState'](null, '', hash === '#' ? location.pathname : hash);
    }
  }

  // ---------------------------------------------------------------- helpers
  const $ = (id) => document.getElementById(id);
  const L = () => LABELS[state.lang];
  function t(key, vars) {
    let s = L()[key] !== undefined ? L()[key] : LABELS.en[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace('{' + k + '}', v);
    return s;
  }
  const typeLabel = (ty) => L().types[ty] || ty;
  const subLabel = (s) => L().sub_types[s] || s;
  // Formatters are costly to build (a table page formats 150 values): one per language.
  const formatters = new Map();
  function formatter(kind, make) {
    const key = kind + '|' + state.lang;
    let f = formatters.get(key);
    if (!f) { f = make(state.lang); formatters.set(key, f); }
    return f;
  }
  const num = (n) => formatter('num', (l) => new Intl.NumberFormat(l)).format(n);
  function fmtDate(iso) {
    if (!iso) return t('undated');
    const [y, m, d] = iso.split('-').map(Number);
    return formatter('date', (l) => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }))
      .format(new Date(Date.UTC(y, m - 1, d || 1)));
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function filterParams(except) {
    const p = {};
    for (const k of FILTER_KEYS) if (state.f[k] && !(except && except.includes(k))) p[k] = state.f[k];
    return p;
  }
  function showError(msg) {
    const e = $('error');
    e.textContent = msg || '';
    e.hidden = !msg;
  }

  // Last durations (ms) of the rendering steps, for the curious and the benchmarks.
  const timings = {};
  function timed(name, fn) {
    const t0 = performance.now();
    try { return fn(); } finally { timings[name] = Math.round((performance.now() - t0) * 10) / 10; }
  }

  // ---------------------------------------------------------------- API
  let pending = 0;
  function setPending(delta) {
    pending += delta;
    document.body.dataset.pending = String(pending);
  }
  async function api(path, params, opts) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
    const headers = {};
    const token = sessionStorage.getItem('rasd-token');
    if (token) headers.Authorization = 'Bearer ' + token;
    setPending(1);
    try {
      const t0 = performance.now();
      const r = await fetch('/api/v1/' + path + (q.toString() ? '?' + q : ''), { headers, signal: opts && opts.signal });
      const name = path + (params && (params.by || params.level) ? '?' + (params.by || params.level) : '');
      timings['wait ' + name] = Math.round((performance.now() - t0) * 10) / 10;
      if (r.status === 401) {
        askToken();
        throw new Error(t('token_help'));
      }
      if (!r.ok) {
        let msg = r.status + ' ' + r.statusText;
        try { msg = (await r.json()).error.message; } catch (_) { /* not JSON */ }
        throw new Error(msg);
      }
      if (opts && opts.raw) return r;
      const t1 = performance.now();
      const body = await r.text();
      const t2 = performance.now();
      const v = JSON.parse(body);
      timings['body ' + name] = Math.round((t2 - t1) * 10) / 10;
      timings['parse ' + name] = Math.round((performance.now() - t2) * 10) / 10;
      return v;
    } finally {
      setPending(-1);
    }
  }
  // One in-flight request per panel: a newer one aborts the older, so a slow answer never
  // overwrites a newer view.
  // `superseded` counts the requests cancelled that way (the browser test checks it).
  const controllers = {};
  const requestStats = { superseded: 0 };
  async function latest(panel, fn) {
    const old = controllers[panel];
    if (old && !old.settled) {
      old.abort();
      requestStats.superseded++;
    }
    const c = new AbortController();
    controllers[panel] = c;
    try {
      await fn(c.signal);
    } catch (e) {
      if (e.name !== 'AbortError') showError(e.message);
    } finally {
      c.settled = true;
    }
  }
  // A panel's data is fetched only when its parameters changed (`dataKey`), and drawn again
  // only when what it shows changed (`viewKey`: the data, the language, a selection): a tab
  // switch or a filter the panel ignores costs nothing. Either way a newer call cancels an
  // older request still in flight.
  const panelKeys = {};
  function loadPanel(panel, dataKey, viewKey, fetchData, render) {
    const k = panelKeys[panel];
    if (k && k.data === dataKey) {
      return latest(panel, async () => {
        if (k.view !== viewKey) { render(); k.view = viewKey; }
      });
    }
    return latest(panel, async (signal) => {
      await fetchData(signal);
      panelKeys[panel] = { data: dataKey, view: viewKey };
      render();
    });
  }
  function askToken() {
    const d = $('token-dialog');
    if (!d.open) d.showModal();
  }

  // ---------------------------------------------------------------- facets (filter lists)
  const facets = { countries: [], admin1: [], actors: [] };
  async function loadFacets() {
    const [c, a, ac] = await Promise.all([
      api('aggregates', { by: 'country' }),
      api('aggregates', { by: 'admin1' }),
      api('aggregates', { by: 'actor', limit: 300 }),
    ]);
    facets.countries = c.buckets.map((b) => b.key);
    facets.admin1 = a.buckets.map((b) => ({ name: b.key, country: b.country || '' }));
    facets.actors = ac.buckets.map((b) => b.key);
    // The actor suggestions do not depend on the filters: filled once.
    $('actor-list').replaceChildren(...facets.actors.map((a) => el('option', { value: a })));
    renderFacets();
  }
  function fillSelect(sel, options, value) {
    sel.replaceChildren(el('option', { value: '', text: t('any') }));
    let found = !value;
    for (const o of options) {
      sel.append(el('option', { value: o.value, text: o.label, dir: 'auto' }));
      if (o.value === value) found = true;
    }
    if (!found) sel.append(el('option', { value, text: value }));
    sel.value = value;
  }
  function renderFacets() {
    fillSelect($('f-country'), facets.countries.slice().sort().map((c) => ({ value: c, label: c })), state.f.country);
    const regions = facets.admin1
      .filter((a) => !state.f.country || a.country.toLowerCase() === state.f.country.toLowerCase())
      .map((a) => a.name)
      .filter((v, i, arr) => arr.indexOf(v) === i)
      .sort();
    fillSelect($('f-admin1'), regions.map((r) => ({ value: r, label: r })), state.f.admin1);
    fillSelect($('f-type'), TYPES.map((ty) => ({ value: ty, label: typeLabel(ty) })), state.f.type);
    fillSelect($('f-sub'), SUB_TYPES.filter((s) => !state.f.type || typeOfSub(s) === state.f.type)
      .map((s) => ({ value: s, label: subLabel(s) })), state.f.sub_type);
  }

  // ---------------------------------------------------------------- map
  const COS = Math.cos(14 * Math.PI / 180);
  const HOME = { lon: 1.5, lat: 15.5, span: 30 }; // the central Sahel
  const map = {
    ready: false, lon: HOME.lon, lat: HOME.lat, k: 30, w: 0, h: 0, dpr: 1,
    level1: [], level2: null, countries: [], points: [], clusters: [], hits: [],
    choro: null, choroMax: 0,
  };
  const canvas = () => $('map-canvas');

  function prepFeatures(geo) {
    return geo.features.map((f) => {
      const rings = [];
      let minx = 180, miny = 90, maxx = -180, maxy = -90;
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          const a = new Float64Array(ring.length * 2);
          ring.forEach((p, i) => {
            a[2 * i] = p[0]; a[2 * i + 1] = p[1];
            if (p[0] < minx) minx = p[0]; if (p[0] > maxx) maxx = p[0];
            if (p[1] < miny) miny = p[1]; if (p[1] > maxy) maxy = p[1];
          });
          rings.push(a);
        }
      }
      const pr = f.properties;
      // The outline in lon/lat units, built once: drawing applies the projection as a
      // canvas transform (it is affine), so panning and zooming never rebuild paths.
      const path = new Path2D();
      for (const r of rings) {
        path.moveTo(r[0], r[1]);
        for (let i = 2; i < r.length; i += 2) path.lineTo(r[i], r[i + 1]);
        path.closePath();
      }
      return { p: pr, rings, path, box: [minx, miny, maxx, maxy],
        key: ((pr.country || '') + '|' + pr.name).toLowerCase() };
    });
  }
  const px = (lon) => (lon - map.lon) * map.k * COS + map.w / 2;
  const py = (lat) => (map.lat - lat) * map.k + map.h / 2;
  const unx = (x) => map.lon + (x - map.w / 2) / (map.k * COS);
  const uny = (y) => map.lat - (y - map.h / 2) / map.k;

  function resizeMap() {
    const c = canvas();
    const r = c.getBoundingClientRect();
    map.dpr = window.devicePixelRatio || 1;
    map.w = Math.max(1, r.width); map.h = Math.max(1, r.height);
    c.width = Math.round(map.w * map.dpr); c.height = Math.round(map.h * map.dpr);
    if (!map.ready) {
      if (state.view) { map.lon = state.view.lon; map.lat = state.view.lat; map.k = state.view.k; }
      else homeView();
    }
    drawMap();
  }
  function homeView() {
    map.lon = HOME.lon; map.lat = HOME.lat;
    map.k = Math.max(2, Math.min(map.w / (HOME.span * COS), map.h / (HOME.span * 0.55)));
  }
  function viewBox() {
    const clamp = (v, a) => Math.max(-a, Math.min(a, v));
    return [clamp(unx(0), 180), clamp(uny(map.h), 90), clamp(unx(map.w), 180), clamp(uny(0), 90)];
  }
  function visible(box) {
    const [a, b, c, d] = viewBox();
    return !(box[2] < a || box[0] > c || box[3] < b || box[1] > d);
  }
  const RAMP = ['#fff3d6', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
  function rampColor(v) {
    if (!v || !map.choroMax) return null;
    const x = Math.log1p(v) / Math.log1p(map.choroMax);
    return RAMP[Math.min(RAMP.length - 1, Math.floor(x * RAMP.length))];
  }
  // The base map (water, land or shading, borders, labels) depends only on the view and the
  // shading: it is drawn once into an offscreen canvas and reused while points change.
  let baseKey = '';
  let shadeVersion = 0;
  const base = document.createElement('canvas');
  function lonLatTransform(ctx) {
    const sx = map.k * COS * map.dpr, sy = -map.k * map.dpr;
    ctx.setTransform(sx, 0, 0, sy, (map.w / 2 - map.lon * map.k * COS) * map.dpr, (map.h / 2 + map.lat * map.k) * map.dpr);
  }
  function drawBase() {
    const key = [map.lon, map.lat, map.k, map.w, map.h, map.dpr, state.choro, shadeVersion, map.level1.length].join();
    if (key === baseKey) return;
    baseKey = key;
    base.width = Math.round(map.w * map.dpr);
    base.height = Math.round(map.h * map.dpr);
    const ctx = base.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#cfe1ea';
    ctx.fillRect(0, 0, base.width, base.height);
    lonLatTransform(ctx);
    const shadeLevel2 = state.choro === 'admin2' && map.level2 && map.choro;
    const control = state.choro === 'control' && map.level2 && ana.control ? ana.controlByKey : null;
    for (const f of map.level1) {
      if (!visible(f.box)) continue;
      const shade = state.choro === 'admin1' && map.choro ? rampColor(map.choro.get(f.key)) : null;
      if (control) { ctx.fillStyle = '#f3efe4'; ctx.fill(f.path, 'evenodd'); continue; }
      ctx.fillStyle = shade || '#f3efe4';
      ctx.fill(f.path, 'evenodd');
    }
    if (shadeLevel2) {
      ctx.lineWidth = 0.4 / map.k;
      ctx.strokeStyle = 'rgba(120,110,95,.5)';
      for (const f of map.level2) {
        if (!visible(f.box)) continue;
        const shade = rampColor(map.choro.get(f.key));
        if (shade) { ctx.fillStyle = shade; ctx.fill(f.path, 'evenodd'); }
        if (map.k > 40) ctx.stroke(f.path);
      }
    }
    if (control) {
      ctx.lineWidth = 0.4 / map.k;
      ctx.strokeStyle = 'rgba(120,110,95,.45)';
      for (const f of map.level2) {
        if (!visible(f.box)) continue;
        const cell = control.get(f.key);
        if (cell) {
          ctx.globalAlpha = Math.min(0.9, 0.35 + cell.total_score / 6);
          ctx.fillStyle = controlColor(cell);
          ctx.fill(f.path, 'evenodd');
          ctx.globalAlpha = 1;
        }
        if (map.k > 40) ctx.stroke(f.path);
      }
    }
    ctx.lineWidth = 0.7 / map.k;
    ctx.strokeStyle = '#a49d8c';
    for (const f of map.level1) if (visible(f.box)) ctx.stroke(f.path);
    // Labels: countries when zoomed out, regions when zoomed in.
    ctx.setTransform(map.dpr, 0, 0, map.dpr, 0, 0);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    if (map.k < 70) {
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.fillStyle = 'rgba(70,62,50,.75)';
      for (const cn of map.countries) ctx.fillText(cn.name.toUpperCase(), px(cn.lon), py(cn.lat));
    } else {
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = 'rgba(70,62,50,.8)';
      for (const f of map.level1) if (visible(f.box)) ctx.fillText(f.p.name, px(f.p.lon), py(f.p.lat));
    }
  }
  function drawMap() { timed('map', drawMapNow); }
  function drawMapNow() {
    const c = canvas();
    const ctx = c.getContext('2d');
    drawBase();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(base, 0, 0);
    ctx.setTransform(map.dpr, 0, 0, map.dpr, 0, 0);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // Events.
    map.hits = [];
    ctx.lineWidth = 1;
    for (const cl of map.clusters) {
      const [lon, lat, n, , , counts] = cl;
      const x = px(lon), y = py(lat);
      const r = Math.min(14, 5 + 3 * Math.log10(n));
      // A pie of the cluster's event types.
      let a = -Math.PI / 2;
      counts.forEach((c, ti) => {
        if (!c) return;
        const b = a + (2 * Math.PI * c) / n;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.arc(x, y, r, a, b);
        ctx.closePath();
        ctx.fillStyle = TYPE_COLORS[ti];
        ctx.fill();
        a = b;
      });
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, r * 0.62, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(29,42,48,.78)';
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.font = '600 9px system-ui, sans-serif';
      ctx.fillText(n >= 1000 ? (n >= 10000 ? Math.round(n / 1000) : Math.round(n / 100) / 10) + 'k' : String(n), x, y + 0.5);
      map.hits.push({ x, y, r, cluster: cl });
    }
    for (const p of map.points) {
      const [id, lon, lat, ty, fat] = p;
      const x = px(lon), y = py(lat);
      const r = 4 + Math.min(5, Math.sqrt(Math.max(0, fat)) * 0.7);
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = TYPE_COLORS[ty];
      ctx.fill();
      ctx.strokeStyle = id === state.event ? '#000' : '#fff';
      ctx.lineWidth = id === state.event ? 2 : 1;
      ctx.stroke();
      ctx.lineWidth = 1;
      map.hits.push({ x, y, r: r + 2, point: p });
    }
    const m = $('map');
    m.dataset.points = String(map.points.length);
    m.dataset.clusters = String(map.clusters.length);
  }

  let pointsTimer = 0;
  function schedulePoints() {
    clearTimeout(pointsTimer);
    pointsTimer = setTimeout(loadPoints, 120);
  }
  function loadPoints() {
    return latest('points', async (signal) => {
      const [a, b, c, d] = viewBox();
      const r = await api('points', { ...filterParams(), view: [a, b, c, d].map((v) => v.toFixed(4)).join(','),
        cell: (30 / map.k).toFixed(4), max: 2500 }, { signal });
      map.points = r.points;
      map.clusters = r.clusters;
      $('map').dataset.total = String(r.total);
      drawMap();
    });
  }
  function loadChoropleth() {
    if (state.choro === 'none') {
      // No shading: the base map's key (drawBase) already says so; it is not drawn again.
      map.choro = null;
      renderLegend();
      drawMap();
      return Promise.resolve();
    }
    return latest('choro', async (signal) => {
      if ((state.choro === 'admin2' || state.choro === 'control') && !map.level2) {
        const g = await api('boundaries', { level: 2 }, { signal });
        map.level2 = prepFeatures(g);
      }
      if (state.choro === 'control') {
        await fetchControl(signal);
        map.choro = null;
        shadeVersion++;
        renderLegend();
        drawMap();
        return;
      }
      const r = await api('aggregates', { ...filterParams(), by: state.choro }, { signal });
      const m = new Map();
      let max = 0;
      for (const b of r.buckets) {
        const v = state.metric === 'fatalities' ? b.fatalities : b.events;
        m.set(((b.country || '') + '|' + b.key).toLowerCase(), v);
        if (v > max) max = v;
      }
      map.choro = m;
      map.choroMax = max;
      shadeVersion++;
      renderLegend();
      drawMap();
    });
  }

  let typeCounts = null;
  function renderLegend() { timed('legend', renderLegendNow); }
  function renderLegendNow() {
    const lg = $('legend');
    lg.replaceChildren();
    TYPES.forEach((ty, i) => {
      const n = typeCounts ? (typeCounts.get(ty) || 0) : null;
      lg.append(el('button', {
        type: 'button', 'aria-pressed': state.f.type === ty ? 'true' : 'false', 'data-type': ty,
        onclick: () => setFilters({ type: state.f.type === ty ? '' : ty, sub_type: '' }),
      }, el('span', { class: 'swatch', style: null }), typeLabel(ty),
      n === null ? null : el('span', { class: 'count', text: num(n) })));
      lg.lastChild.firstChild.style.background = TYPE_COLORS[i];
    });
    if (state.choro === 'control' && ana.control) {
      const seen = new Map();
      for (const c of ana.control.cells) if (c.label_kind !== 'no_signal') seen.set(controlColor(c), controlLabel(c));
      const box = el('span', { class: 'ramp', 'data-control': '1' }, t('control_month', { m: ana.control.month || '–' }) + ':');
      for (const [color, label] of seen) {
        const i = el('i');
        i.style.background = color;
        box.append(i, label);
      }
      lg.append(box);
    }
    if (state.choro !== 'none' && state.choro !== 'control' && map.choroMax) {
      const ramp = el('span', { class: 'ramp' }, num(0));
      for (const c of RAMP) {
        const i = el('i');
        i.style.background = c;
        ramp.append(i);
      }
      ramp.append(num(map.choroMax), ' ', t('scale', { m: t(state.metric === 'fatalities' ? 'metric_fatalities' : 'metric_events').toLowerCase() }));
      lg.append(ramp);
    }
  }

  function hitAt(x, y) {
    for (let i = map.hits.length - 1; i >= 0; i--) {
      const h = map.hits[i];
      if ((h.x - x) ** 2 + (h.y - y) ** 2 <= h.r * h.r) return h;
    }
    return null;
  }
  function inRing(lon, lat, r) {
    let c = false;
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) c = !c;
    }
    return c;
  }
  function areaAt(x, y, features) {
    const lon = unx(x), lat = uny(y);
    for (const f of features || []) {
      const b = f.box;
      if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
      let inside = false;
      for (const r of f.rings) if (inRing(lon, lat, r)) inside = !inside;
      if (inside) return f;
    }
    return null;
  }
  function zoomAt(x, y, factor) {
    const lon = unx(x), lat = uny(y);
    map.k = Math.max(2, Math.min(3000, map.k * factor));
    map.lon = lon - (x - map.w / 2) / (map.k * COS);
    map.lat = lat + (y - map.h / 2) / map.k;
    viewChanged();
  }
  function viewChanged() {
    drawMap();
    schedulePoints();
    writeHash(false);
  }
  function setupMap() {
    const c = canvas();
    let drag = null;
    c.addEventListener('pointerdown', (e) => {
      drag = { x: e.clientX, y: e.clientY, lon: map.lon, lat: map.lat, moved: false };
      c.setPointerCapture(e.pointerId);
    });
    c.addEventListener('pointermove', (e) => {
      const r = c.getBoundingClientRect();
      const x = e.clientX - r.left, y = e.clientY - r.top;
      if (drag) {
        const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) {
          c.classList.add('dragging');
          map.lon = drag.lon - dx / (map.k * COS);
          map.lat = drag.lat + dy / map.k;
          drawMap();
        }
        return;
      }
      showMapTip(x, y);
    });
    c.addEventListener('pointerup', (e) => {
      const r = c.getBoundingClientRect();
      const d = drag;
      drag = null;
      c.classList.remove('dragging');
      if (d && d.moved) { viewChanged(); return; }
      onMapClick(e.clientX - r.left, e.clientY - r.top);
    });
    c.addEventListener('pointerleave', () => { $('tooltip').hidden = true; });
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      zoomAt(e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.25 : 0.8);
    }, { passive: false });
    $('zoom-in').addEventListener('click', () => zoomAt(map.w / 2, map.h / 2, 1.5));
    $('zoom-out').addEventListener('click', () => zoomAt(map.w / 2, map.h / 2, 1 / 1.5));
    $('zoom-home').addEventListener('click', () => { homeView(); viewChanged(); });
    new ResizeObserver(() => resizeMap()).observe($('map'));
  }
  function onMapClick(x, y) {
    const h = hitAt(x, y);
    if (h && h.point) { openEvent(h.point[0], true); return; }
    if (h && h.cluster) { zoomAt(h.x, h.y, 2.5); return; }
    if (state.choro === 'control' && map.level2 && ana.controlByKey) {
      const a = areaAt(x, y, map.level2);
      const cell = a ? ana.controlByKey.get(a.key) : null;
      if (cell) {
        if (state.tab !== 'analysis') setTab('analysis');
        showControlCell(cell);
        return;
      }
    }
    const f = areaAt(x, y, map.level1);
    if (f) {
      const same = state.f.admin1.toLowerCase() === f.p.name.toLowerCase();
      setFilters(same ? { admin1: '' } : { country: f.p.country || '', admin1: f.p.name });
    }
  }
  function showMapTip(x, y) {
    const tip = $('tooltip');
    const h = hitAt(x, y);
    let text = '';
    if (h && h.point) {
      const [, , , ty, fat] = h.point;
      text = typeLabel(TYPES[ty]) + (fat >= 0 ? '\n' + t('fatalities_n', { n: num(fat) }) : '');
    } else if (h && h.cluster) {
      text = t('cluster', { n: num(h.cluster[2]), f: num(h.cluster[3]) });
    } else {
      const level2 = (state.choro === 'admin2' || state.choro === 'control') && map.level2;
      const f = level2 ? areaAt(x, y, map.level2) : areaAt(x, y, map.level1);
      if (f) {
        text = f.p.name + (f.p.admin1 && f.p.level === 2 ? ', ' + f.p.admin1 : '') + (f.p.country ? ' (' + f.p.country + ')' : '');
        const cell = state.choro === 'control' && ana.controlByKey ? ana.controlByKey.get(f.key) : null;
        if (cell) text += '\n' + controlLabel(cell) + ' · ' + t('score', { s: num(Math.round(cell.total_score * 100) / 100) });
        if (map.choro) {
          const v = map.choro.get(f.key) || 0;
          text += '\n' + t(state.metric === 'fatalities' ? 'fatalities_n' : 'events_n', { n: num(v) });
        }
      }
    }
    tip.hidden = !text;
    if (text) {
      tip.textContent = text;
      tip.style.left = Math.min(map.w - 200, x + 12) + 'px';
      tip.style.top = (y + 12) + 'px';
    }
  }

  // ---------------------------------------------------------------- timeline
  const DAY = 86400000;
  const tl = { weeks: [], start: 0, n: 0, x0: 44, bw: 1, max: 0 };
  const tlSize = { w: 0, h: 0 };
  const parseDay = (s) => { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d); };
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

  function loadTimeline() {
    // Hidden on the Analysis tab: loaded when the Overview tab shows again.
    if (state.tab !== 'overview') return Promise.resolve();
    // Every filter but the dates: the brush shows the selected range against the whole series.
    const params = { ...filterParams(['from', 'to']), by: 'week', split: 'type' };
    const key = JSON.stringify(params);
    return loadPanel('timeline', key, key + state.metric + state.lang + state.f.from + state.f.to, async (signal) => {
      tl.weeks = (await api('aggregates', params, { signal })).buckets;
    }, drawTimeline);
  }
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }
  function drawTimeline() { timed('timeline', drawTimelineNow); }
  function drawTimelineNow() {
    const s = $('timeline');
    // The size the ResizeObserver saw: reading clientWidth here would force a layout.
    const W = Math.max(200, tlSize.w || s.clientWidth), H = Math.max(100, tlSize.h || s.clientHeight);
    s.setAttribute('viewBox', `0 0 ${W} ${H}`);
    s.replaceChildren();
    const top = 8, bottom = 20, x0 = 44, x1 = W - 8;
    const weeks = tl.weeks;
    s.dataset.weeks = String(weeks.length);
    if (!weeks.length) { tl.n = 0; return; }
    const start = parseDay(weeks[0].key);
    const n = Math.round((parseDay(weeks[weeks.length - 1].key) - start) / (7 * DAY)) + 1;
    const bw = (x1 - x0) / n;
    const key = state.metric === 'fatalities' ? 'fatalities' : 'events';
    const max = Math.max(1, ...weeks.map((w) => w[key]));
    Object.assign(tl, { start, n, x0, bw, max, H, top, bottom });
    const y = (v) => H - bottom - (v / max) * (H - top - bottom);
    const paths = TYPES.map(() => []);
    for (const w of weeks) {
      const i = Math.round((parseDay(w.key) - start) / (7 * DAY));
      const x = x0 + i * bw;
      const width = Math.max(0.8, bw * 0.85);
      let acc = 0;
      for (const c of w.by_type || []) {
        const ti = TYPES.indexOf(c.type);
        const v = c[key];
        if (!v || ti < 0) continue;
        const ya = y(acc), yb = y(acc + v);
        paths[ti].push(`M${x.toFixed(2)},${ya.toFixed(2)}V${yb.toFixed(2)}h${width.toFixed(2)}V${ya.toFixed(2)}Z`);
        acc += v;
      }
    }
    const axis = svg('g', { class: 'axis' });
    axis.append(svg('line', { x1: x0, x2: x1, y1: H - bottom, y2: H - bottom }));
    const ymax = svg('text', { x: x0 - 4, y: top + 8, 'text-anchor': 'end' });
    ymax.textContent = num(max);
    axis.append(ymax);
    const zero = svg('text', { x: x0 - 4, y: H - bottom, 'text-anchor': 'end' });
    zero.textContent = '0';
    axis.append(zero);
    // Year ticks (month ticks for short spans).
    const endMs = start + n * 7 * DAY;
    const months = (endMs - start) / DAY < 550;
    const d = new Date(start);
    let tick = months ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    const fmt = new Intl.DateTimeFormat(state.lang, months ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' });
    let last = -100;
    while (tick < endMs) {
      const x = x0 + ((tick - start) / (7 * DAY)) * bw;
      if (x - last > 42) {
        axis.append(svg('line', { x1: x, x2: x, y1: H - bottom, y2: H - bottom + 4 }));
        const lab = svg('text', { x, y: H - 5, 'text-anchor': 'middle' });
        lab.textContent = fmt.format(new Date(tick));
        axis.append(lab);
        last = x;
      }
      const td = new Date(tick);
      tick = months ? Date.UTC(td.getUTCFullYear(), td.getUTCMonth() + 1, 1) : Date.UTC(td.getUTCFullYear() + 1, 0, 1);
    }
    s.append(axis);
    paths.forEach((p, i) => {
      if (!p.length) return;
      s.append(svg('path', { d: p.join(''), fill: TYPE_COLORS[i], 'data-type': TYPES[i] }));
    });
    drawBrush();
  }
  function weekX(ms) { return tl.x0 + ((ms - tl.start) / (7 * DAY)) * tl.bw; }
  function drawBrush(tmp) {
    const s = $('timeline');
    const old = s.querySelector('.brush');
    if (old) old.remove();
    let a, b;
    if (tmp) { [a, b] = tmp; } else if (state.f.from || state.f.to) {
      a = state.f.from ? weekX(parseDay(state.f.from)) : tl.x0;
      b = state.f.to ? weekX(parseDay(state.f.to) + DAY) : tl.x0 + tl.n * tl.bw;
    } else {
      $('clear-dates').hidden = true;
      return;
    }
    $('clear-dates').hidden = false;
    const lo = Math.max(tl.x0, Math.min(a, b)), hi = Math.min(tl.x0 + tl.n * tl.bw, Math.max(a, b));
    if (hi <= lo) return;
    s.append(svg('rect', { class: 'brush', x: lo, y: tl.top, width: hi - lo, height: tl.H - tl.top - tl.bottom }));
  }
  function weekAt(x) {
    const i = Math.max(0, Math.min(tl.n - 1, Math.floor((x - tl.x0) / tl.bw)));
    return tl.start + i * 7 * DAY;
  }
  function setupTimeline() {
    const s = $('timeline');
    let drag = null;
    const xOf = (e) => {
      const r = s.getBoundingClientRect();
      return (e.clientX - r.left) * (Math.max(200, s.clientWidth) / r.width);
    };
    s.addEventListener('pointerdown', (e) => {
      if (!tl.n) return;
      drag = { x: xOf(e) };
      s.setPointerCapture(e.pointerId);
    });
    s.addEventListener('pointermove', (e) => {
      const x = xOf(e);
      if (drag) { drawBrush([drag.x, x]); return; }
      showTimelineTip(e, x);
    });
    s.addEventListener('pointerleave', () => { $('timeline-tip').hidden = true; });
    s.addEventListener('pointerup', (e) => {
      if (!drag) return;
      const x = xOf(e);
      const a = Math.min(drag.x, x), b = Math.max(drag.x, x);
      drag = null;
      const from = weekAt(a), to = weekAt(b) + 6 * DAY;
      setFilters({ from: isoDay(from), to: isoDay(to) });
    });
    $('clear-dates').addEventListener('click', () => setFilters({ from: '', to: '' }));
  }
  function showTimelineTip(e, x) {
    const tip = $('timeline-tip');
    if (!tl.n || x < tl.x0) { tip.hidden = true; return; }
    const wk = isoDay(weekAt(x));
    const w = tl.weeks.find((b) => b.key === wk);
    tip.textContent = t('week_of', { d: fmtDate(wk) }) + '\n' + t('events_n', { n: num(w ? w.events : 0) }) +
      ' · ' + t('fatalities_n', { n: num(w ? w.fatalities : 0) });
    tip.hidden = false;
    const r = $('timeline').getBoundingClientRect();
    const pr = $('timeline').parentElement.getBoundingClientRect();
    tip.style.left = Math.min(pr.width - 190, e.clientX - pr.left + 10) + 'px';
    tip.style.top = (r.top - pr.top + 10) + 'px';
  }

  // ---------------------------------------------------------------- totals and breakdown
  function loadTotals() {
    return latest('totals', async (signal) => {
      const r = await api('aggregates', { ...filterParams(), by: 'type' }, { signal });
      typeCounts = new Map(r.buckets.map((b) => [b.key, b.events]));
      $('totals').textContent = t('totals', { e: num(r.total.events), f: num(r.total.fatalities) });
      $('totals').dataset.events = String(r.total.events);
      renderLegend();
    });
  }
  let topData = null;
  function loadTop() {
    if (state.tab !== 'overview') return Promise.resolve();
    const params = { ...filterParams(), by: state.topBy, limit: 12 };
    const key = JSON.stringify(params);
    return loadPanel('top', key, key + state.metric + state.lang, async (signal) => {
      topData = await api('aggregates', params, { signal });
    }, renderTop);
  }
  function renderTop() { timed('top', renderTopNow); }
  function renderTopNow() {
    const r = topData;
    if (!r) return;
    const list = $('top-list');
    list.replaceChildren();
    const key = state.metric === 'fatalities' ? 'fatalities' : 'events';
    const max = Math.max(1, ...r.buckets.map((b) => b[key]));
    for (const b of r.buckets) {
      const label = state.topBy === 'sub_type' ? subLabel(b.key) : b.key + (b.country && state.topBy === 'admin1' ? ' (' + b.country + ')' : '');
      const bar = el('i');
      bar.style.width = (100 * b[key] / max).toFixed(1) + '%';
      list.append(el('li', {
        onclick: () => {
          const f = {};
          if (state.topBy === 'actor') f.actor = b.key;
          else if (state.topBy === 'admin1') { f.admin1 = b.key; f.country = b.country || state.f.country; }
          else if (state.topBy === 'country') { f.country = b.key; f.admin1 = ''; }
          else if (state.topBy === 'sub_type') { f.sub_type = b.key; f.type = typeOfSub(b.key); }
          setFilters(f);
        },
      }, el('span', { class: 'bar' }, bar, el('span', { class: 'bar-label', dir: 'auto', text: label })),
      el('span', { class: 'bar-value', text: num(b[key]) })));
    }
  }
  function typeOfSub(sub) {
    const i = SUB_TYPES.indexOf(sub);
    if (i < 0) return '';
    if (i < 3) return 'Battles';
    if (i < 6) return 'Protests';
    if (i < 8) return 'Riots';
    if (i < 14) return 'Explosions/Remote violence';
    if (i < 17) return 'Violence against civilians';
    return 'Strategic developments';
  }

  // ---------------------------------------------------------------- table
  function loadTable() {
    return latest('table', async (signal) => {
      const cursor = page.cursors[page.index];
      const params = { ...filterParams(), limit: state.limit, sort: state.sort };
      if (cursor) params.cursor = cursor;
      const r = await api('events', params, { signal });
      page.cursors[page.index + 1] = r.next_cursor || null;
      renderTable(r);
    });
  }
  function renderTable(r) { timed('table', () => renderTableNow(r)); }
  function renderTableNow(r) {
    const body = $('events').tBodies[0];
    body.replaceChildren();
    if (!r.events.length) {
      body.append(el('tr', null, el('td', { colspan: 8, class: 'empty', text: t('no_events') })));
    }
    for (const e of r.events) {
      const ti = TYPES.indexOf(e.event_type);
      const dot = el('span', { class: 'type-dot' });
      dot.style.background = TYPE_COLORS[ti] || '#888';
      const place = [e.location, e.admin1, e.country].filter(Boolean).join(', ');
      const tr = el('tr', { 'data-id': e.id, class: e.id === state.event ? 'selected' : null, onclick: () => openEvent(e.id, true) },
        el('td', { text: fmtDate(e.event_date) }),
        el('td', null, dot, typeLabel(e.event_type)),
        el('td', { text: subLabel(e.sub_event_type) }),
        el('td', { dir: 'auto', text: e.actor1 || '' }),
        el('td', { dir: 'auto', text: e.actor2 || '' }),
        el('td', { dir: 'auto', text: place }),
        el('td', { class: 'num', text: e.fatalities === null || e.fatalities === undefined ? '–' : num(e.fatalities) }),
        el('td', { class: 'num', text: num(e.source_count) }));
      body.append(tr);
    }
    const a = page.index * state.limit + 1;
    $('page-info').textContent = r.total ? t('page_info', { a: num(a), b: num(a + r.events.length - 1), n: num(r.total) }) : '';
    $('events').dataset.rows = String(r.events.length);
    $('events').dataset.total = String(r.total);
    $('prev').disabled = page.index === 0;
    $('next').disabled = !r.next_cursor;
    for (const b of document.querySelectorAll('button.sort')) {
      const [col, dir] = state.sort.split('_');
      if (b.dataset.sort === col) b.dataset.dir = dir; else delete b.dataset.dir;
    }
  }
  function setupTable() {
    $('prev').addEventListener('click', () => { if (page.index > 0) { page.index--; loadTable(); } });
    $('next').addEventListener('click', () => { if (page.cursors[page.index + 1]) { page.index++; loadTable(); } });
    $('page-size').addEventListener('change', (e) => {
      state.limit = parseInt(e.target.value, 10);
      resetPages(); writeHash(false); loadTable();
    });
    for (const b of document.querySelectorAll('button.sort')) {
      b.addEventListener('click', () => {
        const col = b.dataset.sort;
        state.sort = state.sort === col + '_desc' ? col + '_asc' : col + '_desc';
        resetPages(); writeHash(false); loadTable();
      });
    }
    $('export-csv').addEventListener('click', () => download('csv'));
    $('export-geojson').addEventListener('click', () => download('geojson'));
  }
  function resetPages() { page.cursors = [null]; page.index = 0; }
  async function download(format) {
    try {
      const r = await api('events', { ...filterParams(), limit: 1000, sort: state.sort, format }, { raw: true });
      const blob = await r.blob();
      const a = el('a', { href: URL.createObjectURL(blob), download: 'rasd-events.' + format });
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) { showError(e.message); }
  }

  // ---------------------------------------------------------------- event detail
  // Split `text` at the evidence spans' UTF-8 byte offsets and wrap covered pieces in <mark>.
  // Whole spans are marked (never single letters), so Arabic words keep their joined shapes.
  function markedText(text, spans, arabic) {
    const frag = document.createDocumentFragment();
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const cuts = new Set([0, bytes.length]);
    const ok = spans.filter((s) => s.start < s.end && s.end <= bytes.length);
    for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = dec.decode(bytes.subarray(a, b));
      const roles = ok.filter((s) => s.start <= a && s.end >= b).map((s) => s.role);
      if (!roles.length) { frag.append(piece); continue; }
      const names = roles.map((r) => (arabic ? ARABIC.roles[r] + ' · ' : '') + (L().roles[r] || r));
      frag.append(el('mark', { class: 'ev ' + roles.map((r) => 'ev-' + r).join(' '), 'data-roles': roles.join(' '), title: names.join(', ') }, piece));
    }
    return frag;
  }
  function fieldList(e) {
    const dl = el('dl', { class: 'fields' });
    const F = L().field;
    const show = {
      event_date: fmtDate(e.event_date), event_type: typeLabel(e.event_type), sub_event_type: subLabel(e.sub_event_type),
      tags: (e.tags || []).join(', '), confidence: e.confidence === undefined ? '' : num(Math.round(e.confidence * 100) / 100),
      latitude: e.latitude === null ? '' : e.latitude, longitude: e.longitude === null ? '' : e.longitude,
    };
    for (const k of Object.keys(F)) {
      const v = k in show ? show[k] : e[k];
      if (v === null || v === undefined || v === '') continue;
      dl.append(el('dt', { text: F[k] }), el('dd', { dir: 'auto', text: typeof v === 'number' ? num(v) : String(v) }));
    }
    return dl;
  }
  function sourceCard(s) {
    const d = s.document;
    const arabic = (d.language || '') === 'ar';
    const card = el('article', { class: 'source', 'data-doc': d.id, lang: d.language && d.language !== 'und' ? d.language : null });
    const meta = el('div', { class: 'meta', lang: state.lang });
    if (d.source) meta.append(el('span', { dir: 'auto', text: d.source }));
    if (d.published) meta.append(el('span', { text: t('published', { d: fmtDate(d.published) }) + (arabic ? ' · ' + ARABIC.published : '') }));
    meta.append(el('span', { text: s.merge_reason ? t('merged', { r: s.merge_reason }) : t('first_report') }));
    if (s.fatalities !== null && s.fatalities !== undefined) meta.append(el('span', { text: t('reported', { n: num(s.fatalities) }) }));
    if (d.url && /^https?:\/\//i.test(d.url)) meta.append(el('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer', text: t('open_source') }));
    card.append(meta);
    const titleSpans = s.evidence.filter((v) => v.field === 'title');
    const textSpans = s.evidence.filter((v) => v.field !== 'title');
    if (s.title) {
      const h = el('div', { class: 'doc-title', dir: 'auto', lang: arabic ? 'ar' : null });
      h.append(markedText(s.title, titleSpans, arabic));
      card.append(h);
    }
    const head = el('div', { class: 'roles', lang: state.lang }, el('span', { text: t('evidence') + ':' }));
    const used = [...new Set(s.evidence.map((v) => v.role))];
    for (const r of ROLES.filter((x) => used.includes(x))) {
      head.append(el('mark', { class: 'ev ev-' + r, text: (L().roles[r] || r) }, arabic ? el('span', { lang: 'ar', dir: 'rtl', class: 'ar-label', text: ARABIC.roles[r] }) : null));
    }
    card.append(head);
    const h4 = el('div', { class: 'hint', lang: state.lang }, t('source_text'), arabic ? el('span', { class: 'ar-label', lang: 'ar', dir: 'rtl', text: ARABIC.source_text }) : null);
    card.append(h4);
    if (s.text !== null && s.text !== undefined) {
      const box = el('div', { class: 'source-text', dir: arabic ? 'rtl' : 'auto', lang: arabic ? 'ar' : (d.language && d.language !== 'und' ? d.language : null) });
      box.append(markedText(s.text, textSpans, arabic));
      card.append(box);
    } else {
      card.append(el('p', { class: 'hint', text: t('no_text') }));
    }
    return card;
  }
  let detailGen = 0;
  async function openEvent(id, push) {
    state.event = id;
    writeHash(push);
    const gen = ++detailGen;
    for (const tr of document.querySelectorAll('#events tbody tr')) tr.classList.toggle('selected', Number(tr.dataset.id) === id);
    drawMap();
    try {
      const r = await api('events/' + id);
      if (gen !== detailGen) return;
      const e = r.event;
      $('detail-title').textContent = [subLabel(e.sub_event_type), fmtDate(e.event_date), e.location].filter(Boolean).join(' — ');
      const body = $('detail-body');
      body.replaceChildren(el('h3', { text: t('fields') }), fieldList(e));
      if (e.notes) {
        body.append(el('h3', { text: t('notes') }), el('p', { dir: 'auto', class: 'source-text', text: e.notes }));
      }
      if (r.sources.length) {
        body.append(el('h3', { text: t('sources') + ' (' + num(r.sources.length) + ')' }));
        for (const s of r.sources) body.append(sourceCard(s));
      }
      const aside = $('detail');
      aside.hidden = false;
      aside.dataset.event = String(id);
      aside.scrollTop = 0;
    } catch (err) {
      showError(err.message);
    }
  }
  function closeEvent() {
    state.event = null;
    detailGen++;
    $('detail').hidden = true;
    delete $('detail').dataset.event;
    for (const tr of document.querySelectorAll('#events tbody tr.selected')) tr.classList.remove('selected');
    writeHash(false);
    drawMap();
  }

  // ---------------------------------------------------------------- analysis tab
  // Series, early-warning flags, the control indicator and capabilities, from
  // /api/v1/analytics/*. They use the current filters except `ids` (a selection of events is a
  // way to look at a flag's events, not a new population to analyse); the control indicator
  // takes a month instead of the date range.
  const ana = { series: null, warnings: null, control: null, controlByKey: null, controlKey: '', caps: null };
  const GROUP_COLORS = ['#b03a2e', '#6c3483', '#a04000', '#7d6608', '#117864'];
  const groupIndex = new Map();
  function controlColor(c) {
    if (c.label_kind === 'state_influence') return '#2e6da4';
    if (c.label_kind === 'contested') return '#e0a030';
    if (c.label_kind === 'no_signal') return '#c9c3b4';
    const g = c.label_actor || '';
    if (!groupIndex.has(g)) groupIndex.set(g, /^JNIM/i.test(g) ? 0 : 1 + (groupIndex.size % (GROUP_COLORS.length - 1)));
    return GROUP_COLORS[groupIndex.get(g)];
  }
  function controlLabel(c) {
    return (L().control_label[c.label_kind] || c.label).replace('{g}', c.label_actor || '');
  }
  const round2 = (x) => num(Math.round(x * 100) / 100);
  function analysisParams(except) { return filterParams(['ids'].concat(except || [])); }

  // Each Analysis panel's parameters and the view key of what it draws (see loadPanel).
  const seriesParams = () => ({ ...analysisParams(), interval: state.sint });
  const flagParams = () => ({ ...analysisParams(), level: state.flevel, limit: flagLimit });
  const capsParams = () => ({ ...analysisParams(), period: state.cperiod });
  const controlParams = () => ({ ...analysisParams(['from', 'to']), month: state.cmonth });
  const VIEW = {
    series: (key) => key + state.lang,
    flags: (key) => key + state.lang + '|' + state.f.ids,
    caps: (key) => key + state.lang,
  };
  function setControl(r, key) {
    ana.control = r;
    ana.controlKey = key;
    ana.controlByKey = new Map(r.cells.map((c) => [((c.country || '') + '|' + (c.admin2 || '')).toLowerCase(), c]));
  }
  async function fetchControl(signal) {
    const params = controlParams();
    const key = JSON.stringify(params);
    if (key === ana.controlKey && ana.control) return ana.control;
    setControl(await api('analytics/control', params, { signal }), key);
    return ana.control;
  }
  // The four panels' requests go at once, each drawn when its answer comes (one request for
  // the whole panel was measured: no faster at the median, slower at the 95th percentile and
  // for the tab's first view, as every panel then waits for the slowest).
  function loadAnalysis() {
    if (state.tab !== 'analysis') return Promise.resolve();
    return Promise.all([loadSeries(), loadFlags(), loadControlPanel(), loadCaps()]);
  }
  function loadSeries() {
    const params = seriesParams();
    const key = JSON.stringify(params);
    return loadPanel('series', key, VIEW.series(key), async (signal) => {
      ana.series = await api('analytics/series', params, { signal });
    }, drawSeries);
  }
  const seriesSize = { w: 0, h: 0 };
  function drawSeries() { timed('series', drawSeriesNow); }
  function drawSeriesNow() {
    const s = $('series-chart');
    // The size the ResizeObserver saw: reading clientWidth here would force a layout.
    const W = Math.max(240, seriesSize.w || s.clientWidth), H = Math.max(120, seriesSize.h || s.clientHeight);
    s.setAttribute('viewBox', `0 0 ${W} ${H}`);
    s.replaceChildren();
    const b = ana.series ? ana.series.buckets : [];
    s.dataset.buckets = String(b.length);
    s.dataset.events = ana.series ? String(ana.series.total.events) : '0';
    if (!b.length || !ana.series.total.events) {
      const e = svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' });
      e.textContent = t('no_data');
      s.append(e);
      return;
    }
    const bands = [['events', '#1f4e5f', t('metric_events')], ['fatalities', '#c0392b', t('metric_fatalities')],
      ['sources', '#b7950b', t('band_sources')]];
    const x0 = 86, x1 = W - 6, bottom = 14, bandH = (H - bottom) / bands.length;
    const bw = (x1 - x0) / b.length;
    bands.forEach(([key, color, label], i) => {
      const top = i * bandH + 3, base = top + bandH - 5;
      const max = Math.max(1, ...b.map((x) => x[key]));
      const lab = svg('text', { x: 2, y: top + 11, class: 'band-label' });
      lab.textContent = label;
      const mx = svg('text', { x: x0 - 4, y: top + 9, 'text-anchor': 'end' });
      mx.textContent = num(max);
      s.append(lab, mx, svg('line', { x1: x0, x2: x1, y1: base, y2: base }));
      const d = [];
      b.forEach((x, k) => {
        if (!x[key]) return;
        const y = base - (x[key] / max) * (base - top - 2);
        d.push(`M${(x0 + k * bw).toFixed(2)},${base}V${y.toFixed(2)}h${Math.max(0.8, bw * 0.85).toFixed(2)}V${base}Z`);
      });
      if (d.length) s.append(svg('path', { d: d.join(''), fill: color, 'data-key': key }));
    });
    const first = svg('text', { x: x0, y: H - 2 });
    first.textContent = b[0].period;
    const last = svg('text', { x: x1, y: H - 2, 'text-anchor': 'end' });
    last.textContent = b[b.length - 1].period;
    s.append(first, last);
    Object.assign(ana, { sx0: x0, sbw: bw });
  }
  function showSeriesTip(e) {
    const tip = $('series-tip');
    const s = $('series-chart');
    const b = ana.series ? ana.series.buckets : [];
    const r = s.getBoundingClientRect();
    const x = (e.clientX - r.left) * (Math.max(240, s.clientWidth) / r.width);
    const k = Math.floor((x - (ana.sx0 || 0)) / (ana.sbw || 1));
    if (!b.length || k < 0 || k >= b.length) { tip.hidden = true; return; }
    const x0 = b[k];
    tip.textContent = t('series_tip', { p: x0.period, e: num(x0.events), f: num(x0.fatalities), s: num(x0.sources), r: num(x0.reports) });
    tip.hidden = false;
    const pr = $('series-box').getBoundingClientRect();
    tip.style.left = Math.min(pr.width - 220, e.clientX - pr.left + 10) + 'px';
    tip.style.top = (r.top - pr.top + 10) + 'px';
  }

  // The newest FLAG_PAGE flags (and new spread) first: the list scrolls in 230 px, and
  // 'Show more' asks for more. New spread is drawn only while its <details> is open.
  const FLAG_PAGE = 50;
  let flagLimit = FLAG_PAGE, flagBase = '';
  // Back to one page when the flags' filters or level change (not when a flag is clicked).
  function resetFlagLimit() {
    const base = JSON.stringify([analysisParams(), state.flevel]);
    if (base !== flagBase) { flagBase = base; flagLimit = FLAG_PAGE; }
  }
  function loadFlags(more) {
    if (!more) resetFlagLimit();
    const params = flagParams();
    const key = JSON.stringify(params);
    return loadPanel('flags', key, VIEW.flags(key), async (signal) => {
      ana.warnings = await api('analytics/warnings', params, { signal });
    }, renderFlags);
  }
  function moreFlags() {
    flagLimit = Math.min(5000, flagLimit * 4);
    loadFlags(true);
  }
  function renderFlags() { timed('flags', renderFlagsNow); }
  function renderFlagsNow() {
    const w = ana.warnings;
    const list = $('flags');
    if (!w) { list.replaceChildren(); return; }
    $('flags-count').textContent = t('flags_count', { n: num(w.total_flags), m: num(w.monitored) });
    list.dataset.count = String(w.flags.length);
    // Built off the document and put in once; one click handler on the list (setupAnalysis).
    const frag = document.createDocumentFragment();
    if (!w.flags.length) frag.append(el('li', { class: 'empty', text: t('no_flags') }));
    const why = L().flag_why;
    w.flags.forEach((f, i) => {
      const text = (why[f.metric] || LABELS.en.flag_why[f.metric])
        .replace('{o}', num(f.observed)).replace('{e}', round2(f.expected));
      const ids = f.event_ids.join(',');
      frag.append(el('li', {
        'data-i': i, 'data-area': f.area, 'data-week': f.week, 'data-metric': f.metric, 'data-ids': ids,
        class: state.f.ids && state.f.ids === ids ? 'active' : null, title: f.explanation,
      }, el('span', { class: 'what', dir: 'auto', text: f.area }), el('span', { class: 'when', text: f.week }),
      el('span', { class: 'score', text: t('score', { s: round2(f.score) }) }), el('span', { class: 'why', text })));
    });
    list.replaceChildren(frag);
    const more = $('flags-more');
    more.hidden = w.total_flags <= w.flags.length;
    more.textContent = t('show_more', { n: num(w.flags.length), m: num(w.total_flags) });
    renderSpread();
  }
  function renderSpread() {
    const w = ana.warnings;
    const sp = $('spread');
    const box = $('spread-box');
    $('spread-more').hidden = true;
    if (!w || !box.open) { sp.replaceChildren(); return; }
    const frag = document.createDocumentFragment();
    w.spread.forEach((x, i) => {
      frag.append(el('li', { 'data-i': i, 'data-area': x.area, title: x.explanation },
        el('span', { class: 'what', dir: 'auto', text: t('spread_why', { a: x.actor, p: x.area }) }),
        el('span', { class: 'when', text: x.date }),
        el('span', { class: 'score', text: x.previous ? t('since', { d: x.previous }) : '' })));
    });
    sp.replaceChildren(frag);
    const more = $('spread-more');
    more.hidden = w.total_spread <= w.spread.length;
    more.textContent = t('show_more', { n: num(w.spread.length), m: num(w.total_spread) });
  }
  // A flag's events on the map and in the table: by id when the list fits in a URL, else by
  // area (or actor) and the flagged dates.
  function showFlagEvents(f) {
    if (f.event_ids.length && f.event_ids.length <= 2000) {
      setFilters({ ids: f.event_ids.join(',') });
    } else if (f.place) {
      setFilters({ country: f.place.country, admin1: f.place.admin1, admin2: f.place.admin2 || '', from: f.from, to: f.to });
    } else {
      setFilters({ actor: f.area, from: f.from, to: f.to });
    }
  }

  function loadControlPanel() {
    return latest('control', async (signal) => {
      await fetchControl(signal);
      showControl();
    });
  }
  function showControl() {
    $('control-month').value = ana.control.month || '';
    renderControlList();
    if (state.choro === 'control') { shadeVersion++; renderLegend(); drawMap(); }
  }
  function renderControlList() { timed('controllist', renderControlListNow); }
  function renderControlListNow() {
    const c = ana.control;
    const list = $('control-list');
    list.replaceChildren();
    if (!c) return;
    const cells = c.cells.filter((x) => x.label_kind !== 'no_signal')
      .sort((a, b) => b.total_score - a.total_score).slice(0, 40);
    list.dataset.count = String(cells.length);
    const frag = document.createDocumentFragment();
    if (!cells.length) frag.append(el('li', { class: 'empty', text: t('no_control') }));
    for (const cell of cells) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = controlColor(cell);
      frag.append(el('li', { 'data-area': cell.area, onclick: () => showControlCell(cell) },
        el('span', { class: 'what', dir: 'auto' }, sw, cell.admin2 + ', ' + cell.admin1),
        el('span', { class: 'when', text: controlLabel(cell) }),
        el('span', { class: 'score', text: round2(cell.total_score) })));
    }
    list.append(frag);
    $('control-detail').hidden = true;
  }
  function showControlCell(cell) {
    const box = $('control-detail');
    box.replaceChildren();
    box.hidden = false;
    box.dataset.area = cell.area;
    box.append(el('h4', { dir: 'auto', text: cell.area + ' — ' + cell.month + ' — ' + controlLabel(cell) }));
    box.append(el('p', { class: 'hint', text: t('control_note') }));
    const scores = el('table', null, el('tr', null, el('th', { text: t('actor') }), el('th', { text: t('col_score') })));
    for (const sc of cell.scores) scores.append(el('tr', null, el('td', { dir: 'auto', text: sc.actor }), el('td', { text: round2(sc.score) })));
    box.append(el('h4', { text: t('scores') }), scores);
    if (cell.violence_share.length) {
      box.append(el('p', { text: t('violence_share', { v: cell.violence_share.map(([a, v]) => a + ' ' + Math.round(v * 100) + '%').join(', ') }) }));
    }
    box.append(el('h4', { text: t('inputs') }));
    const inputs = el('table', { class: 'inputs', 'data-rows': cell.inputs.length },
      el('tr', null, el('th', { text: t('col_event') }), el('th', { text: t('actor') }), el('th', { text: t('col_reason') }), el('th', { text: t('col_weight') })));
    for (const i of cell.inputs) {
      inputs.append(el('tr', null,
        el('td', null, el('button', { type: 'button', class: 'link', text: t('event_n', { n: i.event_id }), onclick: () => openEvent(i.event_id, true) })),
        el('td', { dir: 'auto', text: i.actor }),
        el('td', { text: L().reasons[i.reason] || i.reason }),
        el('td', { text: (i.weight > 0 ? '+' : '') + round2(i.weight) })));
    }
    box.append(inputs);
    const ids = [...new Set(cell.inputs.map((i) => i.event_id))];
    if (ids.length) box.append(el('button', { type: 'button', text: t('show_events'), onclick: () => setFilters({ ids: ids.join(',') }) }));
  }

  // The latest CAP_PERIODS periods are drawn (the table scrolls to the latest); 'Show earlier
  // periods' draws them all.
  const CAP_PERIODS = 16;
  let capsAll = false;
  function loadCaps() {
    const params = capsParams();
    const key = JSON.stringify(params);
    return loadPanel('caps', key, VIEW.caps(key), async (signal) => {
      ana.caps = await api('analytics/capabilities', params, { signal });
      capsAll = false;
    }, renderCaps);
  }
  function renderCaps() { timed('caps', renderCapsNow); }
  function renderCapsNow() {
    const c = ana.caps;
    if (!c) return;
    const sel = $('cap-actor');
    const actors = c.actors.slice(0, 40).map((a) => a.actor);
    if (state.cactor && !actors.includes(state.cactor)) actors.unshift(state.cactor);
    sel.replaceChildren(el('option', { value: '', text: t('all_actors') }), ...actors.map((a) => el('option', { value: a, text: a, dir: 'auto' })));
    sel.value = state.cactor;
    // Counts per period for the chosen actor, or summed over all.
    const per = new Map();
    for (const r of c.rows) {
      if (state.cactor && r.actor !== state.cactor) continue;
      const acc = per.get(r.period) || {};
      for (const k of CAPABILITIES) acc[k] = (acc[k] || 0) + (r.counts[k] || 0);
      per.set(r.period, acc);
    }
    const allPeriods = [...per.keys()].sort();
    const used = CAPABILITIES.filter((k) => allPeriods.some((p) => per.get(p)[k]));
    const periods = capsAll ? allPeriods : allPeriods.slice(-CAP_PERIODS);
    const table = $('cap-table');
    table.dataset.rows = String(used.length);
    table.dataset.periods = String(periods.length);
    const earlier = $('cap-earlier');
    earlier.hidden = periods.length === allPeriods.length;
    earlier.textContent = t('earlier_periods', { n: num(allPeriods.length - periods.length) });
    // Built off the document and put in once.
    const frag = document.createDocumentFragment();
    if (!used.length) {
      frag.append(el('tr', null, el('td', { text: t('no_data') })));
    } else {
      const max = Math.max(1, ...allPeriods.flatMap((p) => used.map((k) => per.get(p)[k])));
      frag.append(el('tr', null, el('th', { class: 'cap', text: t('capability') }), ...periods.map((p) => el('th', { text: p }))));
      for (const k of used) {
        const tr = el('tr', { 'data-cap': k }, el('th', { class: 'cap', text: L().caps[k] }));
        for (const p of periods) {
          const n = per.get(p)[k];
          const td = el('td', { text: n ? num(n) : '', 'data-period': p });
          if (n) td.style.background = `rgba(176,58,46,${(0.12 + 0.7 * n / max).toFixed(2)})`;
          tr.append(td);
        }
        frag.append(tr);
      }
    }
    table.replaceChildren(frag);
    // The latest periods first in view: the wrapper scrolls from its end (style.css,
    // `.cap-scroll`), so no script reads the table's width (a forced layout).
    const first = document.createDocumentFragment();
    const seen = c.first_seen.filter((f) => !state.cactor || f.actor === state.cactor).slice(-20).reverse();
    for (const f of seen) {
      first.append(el('li', null, t('first_seen') + ': ' + t('first_seen_item', { d: f.date, c: L().caps[f.capability] || f.capability, a: f.actor }) + ' · ',
        el('button', { type: 'button', class: 'link', text: t('event_n', { n: f.event_id }), onclick: () => openEvent(f.event_id, true) })));
    }
    $('cap-first').replaceChildren(first);
  }

  function setTab(tab) {
    state.tab = tab;
    document.body.dataset.tab = tab;
    for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    $('analysis').hidden = tab !== 'analysis';
    for (const p of document.querySelectorAll('.timeline-panel, .top-panel')) p.hidden = tab === 'analysis';
    writeHash(false);
    if (!started) return;
    // The panels the tab shows, fetched again only if the filters moved while they were hidden.
    if (tab === 'analysis') loadAnalysis(); else { loadTimeline(); loadTop(); }
  }
  function renderChips() {
    const box = $('chips');
    box.replaceChildren();
    const chip = (text, clear) => box.append(el('button', { type: 'button', 'data-chip': Object.keys(clear)[0], title: t('remove'), onclick: () => setFilters(clear) }, text + ' ×'));
    if (state.f.admin2) chip(t('chip_admin2', { v: state.f.admin2 }), { admin2: '' });
    if (state.f.ids) chip(t('chip_ids', { n: num(state.f.ids.split(',').length) }), { ids: '' });
  }
  function setupAnalysis() {
    for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => setTab(b.dataset.tab));
    $('series-interval').addEventListener('change', (e) => { state.sint = e.target.value; writeHash(false); loadSeries(); });
    $('series-chart').addEventListener('pointermove', showSeriesTip);
    $('series-chart').addEventListener('pointerleave', () => { $('series-tip').hidden = true; });
    $('flags-level').addEventListener('change', (e) => { state.flevel = e.target.value; writeHash(false); loadFlags(); });
    $('flags').addEventListener('click', (e) => {
      const li = e.target.closest('li[data-i]');
      if (li && ana.warnings) showFlagEvents(ana.warnings.flags[Number(li.dataset.i)]);
    });
    $('spread').addEventListener('click', (e) => {
      const li = e.target.closest('li[data-i]');
      if (li && ana.warnings) setFilters({ ids: ana.warnings.spread[Number(li.dataset.i)].event_ids.join(',') });
    });
    $('spread-box').addEventListener('toggle', renderSpread);
    $('flags-more').addEventListener('click', moreFlags);
    $('spread-more').addEventListener('click', moreFlags);
    $('cap-earlier').addEventListener('click', () => { capsAll = true; renderCaps(); });
    $('control-month').addEventListener('change', (e) => {
      state.cmonth = /^\d{4}-\d\d$/.test(e.target.value) ? e.target.value : '';
      writeHash(false);
      loadControlPanel();
      if (state.choro === 'control') loadChoropleth();
    });
    $('control-map').addEventListener('click', () => { state.choro = 'control'; $('choro').value = 'control'; writeHash(false); loadChoropleth(); });
    $('cap-actor').addEventListener('change', (e) => { state.cactor = e.target.value; writeHash(false); renderCaps(); });
    $('cap-period').addEventListener('change', (e) => { state.cperiod = e.target.value; writeHash(false); loadCaps(); });
    new ResizeObserver((es) => {
      const r = es[es.length - 1].contentRect;
      seriesSize.w = r.width; seriesSize.h = r.height;
      if (started && state.tab === 'analysis') drawSeries();
    }).observe($('series-chart'));
  }

  // ---------------------------------------------------------------- filters and refresh
  function syncForm() {
    $('f-from').value = state.f.from;
    $('f-to').value = state.f.to;
    $('f-actor').value = state.f.actor;
    $('f-text').value = state.f.text;
    $('choro').value = state.choro;
    $('metric').value = state.metric;
    $('lang').value = state.lang;
    $('page-size').value = String(state.limit);
    $('top-by').value = state.topBy;
    $('series-interval').value = state.sint;
    $('flags-level').value = state.flevel;
    $('cap-period').value = state.cperiod;
    if (state.cmonth) $('control-month').value = state.cmonth;
    renderFacets();
    renderChips();
  }
  function setFilters(changes) {
    Object.assign(state.f, changes);
    if ('country' in changes && !('admin1' in changes)) state.f.admin1 = '';
    if (('country' in changes || 'admin1' in changes) && !('admin2' in changes)) state.f.admin2 = '';
    timed('form', syncForm);
    writeHash(false);
    refresh();
  }
  function refresh() {
    showError('');
    resetPages();
    return Promise.all([loadTotals(), loadTimeline(), loadPoints(), loadChoropleth(), loadTop(), loadTable(), loadAnalysis()]);
  }
  function applyLanguage() {
    document.documentElement.lang = state.lang;
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
    for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel));
    document.title = 'Rasd — ' + t('subtitle');
    renderChips();
    if (ana.warnings) renderFlags();
    if (ana.control) renderControlList();
    if (ana.caps) renderCaps();
  }
  function setupFilters() {
    const debounce = (fn, ms) => { let h = 0; return () => { clearTimeout(h); h = setTimeout(fn, ms); }; };
    $('f-from').addEventListener('change', (e) => setFilters({ from: e.target.value }));
    $('f-to').addEventListener('change', (e) => setFilters({ to: e.target.value }));
    $('f-country').addEventListener('change', (e) => setFilters({ country: e.target.value }));
    $('f-admin1').addEventListener('change', (e) => {
      const region = e.target.value;
      const owner = facets.admin1.find((a) => a.name === region);
      setFilters(region && owner && !state.f.country ? { admin1: region, country: owner.country } : { admin1: region });
    });
    $('f-type').addEventListener('change', (e) => {
      const ty = e.target.value;
      setFilters(ty && state.f.sub_type && typeOfSub(state.f.sub_type) !== ty ? { type: ty, sub_type: '' } : { type: ty });
    });
    $('f-sub').addEventListener('change', (e) => {
      const sub = e.target.value;
      setFilters(sub ? { sub_type: sub, type: typeOfSub(sub) } : { sub_type: '' });
    });
    $('f-actor').addEventListener('input', debounce(() => { if ($('f-actor').value !== state.f.actor) setFilters({ actor: $('f-actor').value.trim() }); }, 200));
    $('f-text').addEventListener('input', debounce(() => { if ($('f-text').value !== state.f.text) setFilters({ text: $('f-text').value.trim() }); }, 200));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('reset').addEventListener('click', () => setFilters({ from: '', to: '', country: '', admin1: '', admin2: '', type: '', sub_type: '', actor: '', text: '', ids: '' }));
    $('choro').addEventListener('change', (e) => { state.choro = e.target.value; writeHash(false); loadChoropleth(); });
    $('metric').addEventListener('change', (e) => { state.metric = e.target.value; writeHash(false); drawTimeline(); loadChoropleth(); loadTop(); });
    $('top-by').addEventListener('change', (e) => { state.topBy = e.target.value; writeHash(false); loadTop(); });
    $('lang').addEventListener('change', (e) => {
      state.lang = e.target.value;
      writeHash(false);
      applyLanguage();
      syncForm();
      refresh();
      if (state.event) openEvent(state.event, false);
    });
    $('share').addEventListener('click', async () => {
      writeHash(false);
      try { await navigator.clipboard.writeText(location.href); } catch (_) { /* not allowed */ }
      $('share').textContent = t('copied');
      setTimeout(() => { $('share').textContent = t('share'); }, 1500);
    });
    $('detail-close').addEventListener('click', closeEvent);
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('detail').hidden) closeEvent(); });
    $('token-form').addEventListener('submit', () => {
      sessionStorage.setItem('rasd-token', $('token-input').value);
      start();
    });
    window.addEventListener('popstate', () => {
      readHash();
      applyLanguage();
      syncForm();
      if (state.view) { map.lon = state.view.lon; map.lat = state.view.lat; map.k = state.view.k; }
      setTab(state.tab);
      refresh();
      if (state.event) openEvent(state.event, false); else if (!$('detail').hidden) closeEvent();
    });
  }

  // ---------------------------------------------------------------- start
  let started = false;
  async function start() {
    try {
      const [geo] = await Promise.all([api('boundaries', { level: 1 }), loadFacets()]);
      map.level1 = prepFeatures(geo);
      map.countries = geo.countries || [];
      map.ready = true;
      syncForm();
      await refresh();
      if (state.event) await openEvent(state.event, false);
      started = true;
      // The location hash had a token: keep it out of the address bar and history.
      if (/[#&]token=/.test(location.hash)) writeHash(false);
      document.body.dataset.readyMs = String(Math.round(performance.now()));
      document.body.dataset.ready = '1';
    } catch (e) {
      showError(e.message);
    }
  }
  window.addEventListener('DOMContentLoaded', () => {
    readHash();
    applyLanguage();
    setupMap();
    setupTimeline();
    setupTable();
    setupFilters();
    setupAnalysis();
    setTab(state.tab);
    new ResizeObserver((es) => {
      const r = es[es.length - 1].contentRect;
      tlSize.w = r.width; tlSize.h = r.height;
      if (started && state.tab === 'overview') drawTimeline();
    }).observe($('timeline'));
    start();
  });
  // For tests and the curious: the current state.
  window.rasd = { state, map, page, setFilters, timings, ana, requestStats };
}());
