//! Dates in Arabic, French and English, absolute ("17 janvier 2019", "17 كانون الثاني 2019",
//! "2019-01-17") and relative to the publication date ("yesterday", "lundi dernier", "ليلة الأحد",
//! "قبل يومين", "la semaine dernière").
//!
//! The parse works on the same tokens and phrase tables as [`crate::numbers`]: at each token it
//! reads up to three prefixes ("le", "on", "يوم", "dans la nuit de", "ليلة", "fin", "منتصف"),
//! then a core (a relative day, a weekday, a day and month, a month and year, a range, a period
//! such as "this week"), and keeps the longest reading. Mentions are sorted by start and never
//! overlap; each span covers the prefixes and qualifiers.
//!
//! Conventions, with their reasons:
//! - ACLED time precision: 1 = day, 2 = week, 3 = month. Month precision is coded on the first day
//!   of the month ("janvier 2026", "le mois dernier", "fin décembre").
//! - Week precision is coded on the Wednesday of the week, the middle working day, so that the
//!   coded day is at most two days from any day of that week; it is never later than `published`
//!   ("this week" in a Monday paper is that Monday). Exception: "early this week" / "en début de
//!   semaine" / "مطلع الأسبوع" name the start of the week and are coded on its Monday. A range of
//!   days ("du 12 au 14 janvier") is coded on its first day, precision 2 for 2–7 days, 3 beyond.
//! - A weekday is the most recent such day on or before `published` (the same day allowed:
//!   "mercredi" in a Wednesday paper is today); with "dernier"/"last"/"الماضي" it is strictly
//!   before. "next Monday", "lundi prochain", "الأحد المقبل" are future and not reported.
//! - Nights are coded on the day the night began, as ACLED does: "dans la nuit de dimanche à
//!   lundi" → Sunday, "ليلة السبت إلى الأحد" → Saturday. A lone "ليلة الأحد" is, in Arabic usage
//!   (the day begins at sunset), the night before Sunday, so it is coded on Saturday; a French or
//!   English "nuit de dimanche", "Sunday night" is coded on Sunday.
//! - A date without a year takes the year that puts it on or before `published`, allowing two days
//!   after it for time-zone and late-filing slop ("28 décembre" in a 3 January paper is the
//!   previous December). Without `published` such dates and all relative ones are not reported.
//! - `relative` is true when the day itself is computed from `published` ("yesterday", "Monday",
//!   "last week"); an absolute date whose year was inferred is not relative.
//! - Ambiguous month names need support: English "may" and "march" (and abbreviations such as
//!   "mar", "jan") count only next to a year, after a day number followed by punctuation, a year or
//!   a preposition, or after "on"/"le"/"in"/"في"; a bare month needs a prefix ("in January", "fin
//!   janvier", "في مارس") or a modifier ("janvier dernier", "يناير الماضي"). So "they may attack"
//!   and "a protest march" are not dates. Arabic "مارس" (also "he practised"), "آب" (also
//!   "father"), "أيار", "نيسان", "تموز", "ماي" need a day number, a year or a prefix too.
//! - Numeric dates are day-month-year (the convention of the region's press); month-day-year is
//!   used only when the first field cannot be a month ("01/17/2019").

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::numbers::{adjacent, small_count_at, Kind, Phrases, Tok};

/// A date expression found in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    /// ACLED time precision: 1 = day, 2 = week, 3 = month.
    pub precision: u8,
    /// Resolved against the publication date ("yesterday", "on Monday").
    pub relative: bool,
}

/// Find date expressions in normalised text; relative ones need `published`.
pub fn find_dates(normalized: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let toks = crate::numbers::marked_tokens(normalized);
    scan(&toks, published)
        .into_iter()
        .filter_map(|h| {
            let (date, precision, relative) = h.out?;
            Some(DateMention {
                start: toks[h.first].start,
                end: toks[h.next - 1].end,
                date,
                precision,
                relative,
            })
        })
        .collect()
}

/// Token ranges of every date expression, including those that cannot be resolved without a
/// publication date or that are future ("next Monday"): the numbers in them are not counts.
pub(crate) fn date_token_spans(toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    scan(toks, None)
        .into_iter()
        .map(|h| (h.first, h.next))
        .collect()
}

/// Days after `published` that a year-less date may fall and still be in the same year.
const SLOP_DAYS: u64 = 2;

// Prefix flags.
/// A preposition that supports an ambiguous month name ("on 5 may", "le", "يوم", "في").
const AMB: u8 = 1;
/// May introduce a bare month ("in January", "fin janvier", "منتصف يناير").
const BARE: u8 = 2;
/// French/English night: coded on the named day.
const NIGHT: u8 = 4;
/// Arabic "ليلة"/"ليل": a lone weekday is the night before it.
const AR_NIGHT: u8 = 8;
/// "between", "du", "entre", "من", "بين": only a range may follow.
const RANGE: u8 = 16;
/// "last": strictly before (weekday), previous year if the current month (bare month).
const LAST: u8 = 32;
/// "next", "this coming": future, not reported.
const NEXT: u8 = 64;

static PREFIXES: LazyLock<Phrases<u8>> = LazyLock::new(|| {
    Phrases::new(
        &[
            ("on", AMB),
            ("on the", AMB),
            ("the", 0),
            ("late", BARE),
            ("early", BARE),
            ("mid", BARE),
            ("in", AMB | BARE),
            ("in early", AMB | BARE),
            ("in late", AMB | BARE),
            ("in mid", AMB | BARE),
            ("since", AMB | BARE),
            ("end of", BARE),
            ("the end of", BARE),
            ("beginning of", BARE),
            ("the beginning of", BARE),
            ("the start of", BARE),
            ("the middle of", BARE),
            ("last", LAST | BARE),
            ("next", NEXT | BARE),
            ("this coming", NEXT),
            ("this", 0),
            ("the night of", NIGHT | AMB),
            ("on the night of", NIGHT | AMB),
            ("overnight", NIGHT),
            ("from", RANGE | AMB),
            ("between", RANGE | AMB),
            ("le", AMB),
            ("ce", 0),
            ("dans la nuit de", NIGHT),
            ("dans la nuit du", NIGHT | AMB),
            ("dans la nuit d'", NIGHT),
            ("la nuit de", NIGHT),
            ("la nuit du", NIGHT | AMB),
            ("nuit de", NIGHT),
            ("nuit du", NIGHT | AMB),
            ("dans la soirée de", 0),
            ("dans la soirée du", AMB),
            ("dans la matinée de", 0),
            ("dans la matinée du", AMB),
            ("en", AMB | BARE),
            ("début", BARE),
            ("fin", BARE),
            ("mi", BARE),
            ("à la mi", BARE),
            ("à la fin", BARE),
            ("courant", BARE),
            ("au mois de", BARE),
            ("au mois d'", BARE),
            ("le mois de", BARE),
            ("mois de", BARE),
            ("depuis le", AMB),
            ("du", RANGE | AMB),
            ("entre le", RANGE | AMB),
            ("entre les", RANGE | AMB),
            ("entre", RANGE | AMB),
            ("les", RANGE | AMB),
            ("يوم", AMB),
            ("في", AMB | BARE),
            ("خلال", BARE),
            ("منذ", AMB | BARE),
            ("صباح", 0),
            ("مساء", 0),
            ("فجر", 0),
            ("ظهر", 0),
            ("عصر", 0),
            ("ظهيرة", 0),
            ("صبيحة", 0),
            ("ليلة", AR_NIGHT),
            ("ليل", AR_NIGHT),
            ("أواخر", BARE),
            ("أوائل", BARE),
            ("منتصف", BARE),
            ("مطلع", BARE),
            ("بداية", BARE),
            ("نهاية", BARE),
            ("شهر", BARE),
            ("من", RANGE | AMB),
            ("بين", RANGE | AMB),
        ],
        false,
    )
});

/// (month, ambiguous, abbreviation that may take a dot)
static MONTHS: LazyLock<Phrases<(u32, bool, bool)>> = LazyLock::new(|| {
    Phrases::new(
        &[
            ("january", (1, false, false)),
            ("february", (2, false, false)),
            ("march", (3, true, false)),
            ("april", (4, false, false)),
            ("may", (5, true, false)),
            ("june", (6, false, false)),
            ("july", (7, false, false)),
            ("august", (8, false, false)),
            ("september", (9, false, false)),
            ("october", (10, false, false)),
            ("november", (11, false, false)),
            ("december", (12, false, false)),
            ("jan", (1, true, true)),
            ("feb", (2, true, true)),
            ("mar", (3, true, true)),
            ("apr", (4, true, true)),
            ("jun", (6, true, true)),
            ("jul", (7, true, true)),
            ("aug", (8, true, true)),
            ("sep", (9, true, true)),
            ("sept", (9, true, true)),
            ("oct", (10, true, true)),
            ("nov", (11, true, true)),
            ("dec", (12, true, true)),
            ("janvier", (1, false, false)),
            ("février", (2, false, false)),
            ("mars", (3, false, false)),
            ("avril", (4, false, false)),
            ("mai", (5, false, false)),
            ("juin", (6, false, false)),
            ("juillet", (7, false, false)),
            ("août", (8, false, false)),
            ("septembre", (9, false, false)),
            ("octobre", (10, false, false)),
            ("novembre", (11, false, false)),
            ("décembre", (12, false, false)),
            ("janv", (1, true, true)),
            ("févr", (2, true, true)),
            ("fév", (2, true, true)),
            ("avr", (4, true, true)),
            ("juil", (7, true, true)),
            // Egyptian / Gulf
            ("يناير", (1, false, false)),
            ("فبراير", (2, false, false)),
            ("مارس", (3, true, false)),
            ("أبريل", (4, false, false)),
            ("إبريل", (4, false, false)),
            ("مايو", (5, false, false)),
            ("يونيو", (6, false, false)),
            ("يونيه", (6, false, false)),
            ("يوليو", (7, false, false)),
            ("يوليه", (7, false, false)),
            ("أغسطس", (8, false, false)),
            ("سبتمبر", (9, false, false)),
            ("أكتوبر", (10, false, false)),
            ("نوفمبر", (11, false, false)),
            ("ديسمبر", (12, false, false)),
            // Maghrebi (Algeria, Tunisia; Morocco)
            ("جانفي", (1, false, false)),
            ("فيفري", (2, false, false)),
            ("أفريل", (4, false, false)),
            ("ماي", (5, true, false)),
            ("جوان", (6, false, false)),
            ("جويلية", (7, false, false)),
            ("يوليوز", (7, false, false)),
            ("أوت", (8, false, false)),
            ("غشت", (8, false, false)),
            ("شتنبر", (9, false, false)),
            ("نونبر", (11, false, false)),
            ("دجنبر", (12, false, false)),
            // Levantine / Iraqi
            ("كانون الثاني", (1, false, false)),
            ("كانون ثاني", (1, false, false)),
            ("شباط", (2, false, false)),
            ("آذار", (3, false, false)),
            ("نيسان", (4, true, false)),
            ("أيار", (5, true, false)),
            ("حزيران", (6, false, false)),
            ("تموز", (7, true, false)),
            ("آب", (8, true, false)),
            ("أيلول", (9, false, false)),
            ("تشرين الأول", (10, false, false)),
            ("تشرين أول", (10, false, false)),
            ("تشرين الثاني", (11, false, false)),
            ("تشرين ثاني", (11, false, false)),
            ("كانون الأول", (12, false, false)),
            ("كانون أول", (12, false, false)),
        ],
        false,
    )
});

/// Weekdays, 0 = Monday.
static WEEKDAYS: LazyLock<Phrases<u32>> = LazyLock::new(|| {
    Phrases::new(
        &[
            ("monday", 0),
            ("tuesday", 1),
            ("wednesday", 2),
            ("thursday", 3),
            ("friday", 4),
            ("saturday", 5),
            ("sunday", 6),
            ("lundi", 0),
            ("mardi", 1),
            ("mercredi", 2),
            ("jeudi", 3),
            ("vendredi", 4),
            ("samedi", 5),
            ("dimanche", 6),
            ("الاثنين", 0),
            ("الإثنين", 0),
            ("الثلاثاء", 1),
            ("الثلاثا", 1),
            ("الأربعاء", 2),
            ("الاربعا", 2),
            ("الخميس", 3),
            ("الجمعة", 4),
            ("السبت", 5),
            ("الأحد", 6),
        ],
        false,
    )
});

/// Whether a normalised word names a day of the week, in English, French or Arabic
/// ("monday", "dimanche", "الخميس").
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.starts_with_word(word)
}

/// A day counted back from `published`; `today` marks Arabic "اليوم", which also means "the day"
/// ("اليوم التالي", "the next day") and is checked against its neighbours.
#[derive(Debug, Clone, Copy)]
struct RelDay {
    back: u64,
    today: bool,
}

const fn rd(back: u64) -> RelDay {
    RelDay { back, today: false }
}

static RELDAYS: LazyLock<Phrases<RelDay>> = LazyLock::new(|| {
    Phrases::new(
        &[
            ("yesterday", rd(1)),
            ("today", rd(0)),
            ("the day before yesterday", rd(2)),
            ("last night", rd(1)),
            ("tonight", rd(0)),
            ("this morning", rd(0)),
            ("this afternoon", rd(0)),
            ("this evening", rd(0)),
            ("earlier today", rd(0)),
            ("hier", rd(1)),
            ("avant-hier", rd(2)),
            ("aujourd'hui", rd(0)),
            ("la nuit dernière", rd(1)),
            ("cette nuit", rd(1)),
            ("ce matin", rd(0)),
            ("cet après-midi", rd(0)),
            ("ce soir", rd(0)),
            ("أمس", rd(1)),
            ("الأمس", rd(1)),
            ("أمس الأول", rd(2)),
            ("أول أمس", rd(2)),
            ("أول من أمس", rd(2)),
            ("البارحة", rd(1)),
            (
                "اليوم",
                RelDay {
                    back: 0,
                    today: true,
                },
            ),
            ("الليلة الماضية", rd(1)),
            ("هذا الصباح", rd(0)),
            ("هذا المساء", rd(0)),
        ],
        false,
    )
});

/// Words after "اليوم" (or before it) that make it "the day", not today.
const NOT_TODAY_AFTER: &[&str] = &[
    "التالي",
    "نفسه",
    "ذاته",
    "السابق",
    "الذي",
    "الاول",
    "الثاني",
    "الثالث",
    "الاخير",
    "الوطني",
    "العالمي",
    "الدولي",
];
const NOT_TODAY_BEFORE: &[&str] = &["ذلك", "نفس", "ذات"];
/// "Until" before today: up to now.
const UNTIL: &[&str] = &["until", "till", "jusqu'a", "jusqu", "حتي"];

/// Times of day after a day word ("monday night", "hier soir", "الأحد صباحا").
static SUFFIXES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::new(
        &[
            ("morning", ()),
            ("afternoon", ()),
            ("evening", ()),
            ("night", ()),
            ("matin", ()),
            ("soir", ()),
            ("après-midi", ()),
            ("soirée", ()),
            ("matinée", ()),
            ("صباحا", ()),
            ("مساء", ()),
            ("ليلا", ()),
            ("فجرا", ()),
            ("ظهرا", ()),
            ("عصرا", ()),
        ],
        false,
    )
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Last,
    Next,
}

/// After a weekday or month: "lundi dernier", "يناير الماضي", "lundi prochain", "الأحد المقبل".
static MODIFIERS: LazyLock<Phrases<Modifier>> = LazyLock::new(|| {
    use Modifier::*;
    Phrases::new(
        &[
            ("dernier", Last),
            ("dernière", Last),
            ("passé", Last),
            ("passée", Last),
            ("الماضي", Last),
            ("المنصرم", Last),
            ("الفائت", Last),
            ("prochain", Next),
            ("prochaine", Next),
            ("المقبل", Next),
            ("القادم", Next),
        ],
        false,
    )
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    /// "to", "au", "إلى", "-": always a range.
    To,
    /// "and", "et", "و": a range between day numbers, or between weekdays after "between"/"entre".
    And,
}

static CONNECTORS: LazyLock<Phrases<Conn>> = LazyLock::new(|| {
    use Conn::*;
    Phrases::new(
        &[
            ("to", To),
            ("au", To),
            ("à", To),
            ("until", To),
            ("till", To),
            ("through", To),
            ("into", To),
            ("jusqu'au", To),
            ("إلى", To),
            ("حتى", To),
            ("and", And),
            ("et", And),
            ("و", And),
        ],
        false,
    )
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    ThisWeek,
    EarlyThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
}

static PERIODS: LazyLock<Phrases<Period>> = LazyLock::new(|| {
    use Period::*;
    Phrases::new(
        &[
            ("this week", ThisWeek),
            ("earlier this week", ThisWeek),
            ("cette semaine", ThisWeek),
            ("plus tôt cette semaine", ThisWeek),
            ("هذا الأسبوع", ThisWeek),
            ("الأسبوع الجاري", ThisWeek),
            ("الأسبوع الحالي", ThisWeek),
            ("early this week", EarlyThisWeek),
            ("at the start of the week", EarlyThisWeek),
            ("at the beginning of the week", EarlyThisWeek),
            ("en début de semaine", EarlyThisWeek),
            ("début de semaine", EarlyThisWeek),
            ("en début de cette semaine", EarlyThisWeek),
            ("au début de la semaine", EarlyThisWeek),
            ("au début de cette semaine", EarlyThisWeek),
            ("مطلع الأسبوع", EarlyThisWeek),
            ("مطلع هذا الأسبوع", EarlyThisWeek),
            ("مطلع الأسبوع الجاري", EarlyThisWeek),
            ("بداية الأسبوع", EarlyThisWeek),
            ("بداية هذا الأسبوع", EarlyThisWeek),
            ("بداية الأسبوع الجاري", EarlyThisWeek),
            ("last week", LastWeek),
            ("la semaine dernière", LastWeek),
            ("la semaine passée", LastWeek),
            ("الأسبوع الماضي", LastWeek),
            ("الأسبوع المنصرم", LastWeek),
            ("الأسبوع الفائت", LastWeek),
            ("this month", ThisMonth),
            ("earlier this month", ThisMonth),
            ("ce mois-ci", ThisMonth),
            ("ce mois", ThisMonth),
            ("plus tôt ce mois-ci", ThisMonth),
            ("en début de mois", ThisMonth),
            ("au début du mois", ThisMonth),
            ("هذا الشهر", ThisMonth),
            ("الشهر الجاري", ThisMonth),
            ("الشهر الحالي", ThisMonth),
            ("مطلع الشهر الجاري", ThisMonth),
            ("مطلع هذا الشهر", ThisMonth),
            ("بداية الشهر الجاري", ThisMonth),
            ("مطلع الشهر", ThisMonth),
            ("بداية الشهر", ThisMonth),
            ("last month", LastMonth),
            ("le mois dernier", LastMonth),
            ("le mois passé", LastMonth),
            ("الشهر الماضي", LastMonth),
            ("الشهر المنصرم", LastMonth),
            ("الشهر الفائت", LastMonth),
        ],
        false,
    )
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

static UNITS: LazyLock<Phrases<Unit>> = LazyLock::new(|| {
    use Unit::*;
    Phrases::new(
        &[
            ("day", Day),
            ("days", Day),
            ("week", Week),
            ("weeks", Week),
            ("month", Month),
            ("months", Month),
            ("jour", Day),
            ("jours", Day),
            ("semaine", Week),
            ("semaines", Week),
            ("mois", Month),
            ("أيام", Day),
            ("يوما", Day),
            ("يوم", Day),
            ("أسابيع", Week),
            ("أسبوعا", Week),
            ("أسبوع", Week),
            ("أشهر", Month),
            ("شهور", Month),
            ("شهرا", Month),
            ("شهر", Month),
            ("year", Year),
            ("years", Year),
            ("an", Year),
            ("ans", Year),
            ("année", Year),
            ("années", Year),
            ("عام", Year),
            ("عاما", Year),
            ("أعوام", Year),
            ("سنة", Year),
            ("سنوات", Year),
        ],
        false,
    )
});

/// Arabic duals: "قبل يومين" = two days ago.
static DUALS: LazyLock<Phrases<Unit>> = LazyLock::new(|| {
    use Unit::*;
    Phrases::new(
        &[
            ("يومين", Day),
            ("أسبوعين", Week),
            ("شهرين", Month),
            ("عامين", Year),
            ("سنتين", Year),
        ],
        false,
    )
});

/// "il y a N jours", "قبل N أيام", "منذ يومين"; the value says whether it is Arabic.
/// Adds the first words of every date table to `set` (see `numbers::FIRST_WORDS`).
pub(crate) fn first_words_into(set: &mut crate::numbers::FastMap<Box<str>, u64>) {
    PREFIXES.first_words_into(set);
    MONTHS.first_words_into(set);
    WEEKDAYS.first_words_into(set);
    RELDAYS.first_words_into(set);
    SUFFIXES.first_words_into(set);
    MODIFIERS.first_words_into(set);
    CONNECTORS.first_words_into(set);
    PERIODS.first_words_into(set);
    UNITS.first_words_into(set);
    DUALS.first_words_into(set);
    AGO_HEADS.first_words_into(set);
}

static AGO_HEADS: LazyLock<Phrases<bool>> =
    LazyLock::new(|| Phrases::new(&[("il y a", false), ("قبل", true), ("منذ", true)], false));

/// Words that may follow "DAY may" when "may" is the month and not the modal verb.
const AFTER_AMBIGUOUS_MONTH: &[&str] = &[
    "in",
    "at",
    "when",
    "near",
    "and",
    "after",
    "before",
    "during",
    "the",
    "as",
    "while",
    "following",
    "last",
    "this",
    "against",
    "on",
    "to",
    "from",
    "until",
];

// ---------------------------------------------------------------------------------------------

struct Hit {
    first: usize,
    next: usize,
    out: Option<(NaiveDate, u8, bool)>,
}

/// A parsed expression: the token after it and, when it resolves, (date, precision, relative).
#[derive(Debug, Clone, Copy)]
struct Parsed {
    end: usize,
    out: Option<(NaiveDate, u8, bool)>,
    range: bool,
    /// A single absolute day (so that "lundi 12 janvier" can take it).
    day: bool,
}

fn scan(toks: &[Tok<'_>], published: Option<NaiveDate>) -> Vec<Hit> {
    let cx = Cx { toks, published };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start_date(&toks[i]) {
            i += 1;
            continue;
        }
        if let Some(p) = cx.best_at(i) {
            out.push(Hit {
                first: i,
                next: p.end,
                out: p.out,
            });
            i = p.end;
        } else {
            i += 1;
        }
    }
    out
}

/// False when no date expression can start at `t`, which spares most tokens the parsers:
/// every parser of [`Cx::best_at`] begins with a phrase-table look-up (which needs
/// `t.tables`), digits, or one of the literal words tested here ("premier" in `day_at`, the
/// articles of `small_count_at`). `scan_skips_only_tokens_that_start_nothing` checks it.
fn may_start_date(t: &Tok<'_>) -> bool {
    t.kind == Kind::Digits
        || t.tables != 0
        || matches!(t.s, "premier" | "a" | "an" | "un" | "une" | "one")
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1900..=2100).contains(&y))
}

/// A day-month pair that exists in some year.
fn valid_md(m: u32, d: u32) -> bool {
    NaiveDate::from_ymd_opt(2024, m, d).is_some()
}

/// The latest (y, m, d) on or before `published` + slop.
fn infer_day(m: u32, d: u32, published: NaiveDate) -> Option<NaiveDate> {
    let limit = published.checked_add_days(Days::new(SLOP_DAYS))?;
    (0..=8)
        .filter_map(|back| ymd(limit.year() - back, m, d))
        .find(|&x| x <= limit)
}

/// `None` only at the ends of chrono's calendar (a publication date near year ±262,000).
fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))
}

/// The coded day of a week-precision mention: its Wednesday, never after `published`.
fn midweek(d: NaiveDate, published: NaiveDate) -> Option<NaiveDate> {
    Some(monday_of(d)?.checked_add_days(Days::new(2))?.min(published))
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The most recent weekday `wd` (0 = Monday) on or before `p`; strictly before with `strict`.
fn most_recent(wd: u32, p: NaiveDate, strict: bool) -> Option<NaiveDate> {
    let back = (p.weekday().num_days_from_monday() + 7 - wd) % 7;
    let back = if strict && back == 0 { 7 } else { back };
    p.checked_sub_days(Days::new(back as u64))
}

struct Cx<'a, 't> {
    toks: &'a [Tok<'t>],
    published: Option<NaiveDate>,
}

impl Cx<'_, '_> {
    fn best_at(&self, i: usize) -> Option<Parsed> {
        let toks = self.toks;
        let mut best: Option<Parsed> = None;
        let mut keep = |p: Parsed| {
            if best.is_none_or(|b| p.end > b.end) {
                best = Some(p);
            }
        };
        if let Some(p) = self.numeric_at(i) {
            keep(p);
        }
        if let Some(p) = self.ago_at(i) {
            keep(p);
        }
        let (mut j, mut flags) = (i, 0u8);
        for depth in 0..4 {
            let cores = [
                self.period_at(j),
                self.relday_at(j),
                self.weekday_at(j, flags),
                self.absolute_at(j, flags),
            ];
            for mut p in cores.into_iter().flatten() {
                if flags & RANGE != 0 && !p.range {
                    continue;
                }
                if flags & NEXT != 0 {
                    p.out = None;
                }
                keep(p);
            }
            if depth == 3 {
                break;
            }
            let Some(h) = PREFIXES.at(toks, j) else { break };
            flags |= h.val;
            j = h.next;
            // "mid-january", "mi-janvier"
            if toks.get(j).is_some_and(|t| t.s == "-") {
                j += 1;
            }
        }
        best
    }

    fn conn_at(&self, k: usize) -> Option<(Conn, usize)> {
        let t = self.toks.get(k)?;
        if t.s == "-" {
            return Some((Conn::To, k + 1));
        }
        CONNECTORS.at(self.toks, k).map(|h| (h.val, h.next))
    }

    /// "17/01/2019", "17-01-2019", "17.01.2019", "2019-01-17", "17/01/19".
    fn numeric_at(&self, i: usize) -> Option<Parsed> {
        let t = self.toks.get(i..i + 5)?;
        let (a, s1, b, s2, c) = (&t[0], &t[1], &t[2], &t[3], &t[4]);
        if [a, b, c].iter().any(|x| x.kind != Kind::Digits)
            || !matches!(s1.s, "/" | "-" | ".")
            || s1.s != s2.s
            || !(adjacent(a, s1) && adjacent(s1, b) && adjacent(b, s2) && adjacent(s2, c))
        {
            return None;
        }
        let longer = self.toks.get(i + 5).is_some_and(|n| {
            adjacent(c, n)
                && matches!(n.s, "/" | "-" | "." | ":")
                && self
                    .toks
                    .get(i + 6)
                    .is_some_and(|d| d.kind == Kind::Digits && adjacent(n, d))
        });
        if longer {
            return None;
        }
        let num = |x: &Tok<'_>| x.s.parse::<u32>().ok();
        let (y, m, d) = if a.s.len() == 4 && b.s.len() <= 2 && c.s.len() <= 2 {
            (num(a)? as i32, num(b)?, num(c)?)
        } else if a.s.len() <= 2 && b.s.len() <= 2 {
            let y = match c.s.len() {
                4 => num(c)? as i32,
                2 if s1.s != "-" => 2000 + num(c)? as i32,
                _ => return None,
            };
            let (d, m) = (num(a)?, num(b)?);
            if m > 12 && d <= 12 {
                (y, d, m)
            } else {
                (y, m, d)
            }
        } else {
            return None;
        };
        let date = ymd(y, m, d)?;
        Some(Parsed {
            end: i + 5,
            out: Some((date, 1, false)),
            range: false,
            day: true,
        })
    }

    /// "3 days ago", "a week ago", "il y a deux jours", "قبل يومين", "منذ ثلاثة أيام".
    fn ago_at(&self, i: usize) -> Option<Parsed> {
        let toks = self.toks;
        let (n, unit, end, blocked) = if let Some(h) = AGO_HEADS.at(toks, i) {
            let (n, unit, end) = if let Some(d) = DUALS.at(toks, h.next) {
                (2, d.val, d.next)
            } else {
                let (n, k) = small_count_at(toks, h.next)?;
                let u = UNITS.at(toks, k)?;
                (n, u.val, u.next)
            };
            // "قبل يومين من الانتخابات" counts from another event, not from publication.
            (
                n,
                unit,
                end,
                h.val && toks.get(end).is_some_and(|t| t.s == "من"),
            )
        } else {
            let (n, k) = small_count_at(toks, i)?;
            let u = UNITS.at(toks, k)?;
            if toks.get(u.next)?.s != "ago" {
                return None;
            }
            (n, u.val, u.next + 1, false)
        };
        if n == 0 || n > 400 || (unit == Unit::Year && n > 100) {
            return None;
        }
        let out = self.published.filter(|_| !blocked).and_then(|p| {
            Some(match unit {
                Unit::Day => (p.checked_sub_days(Days::new(n as u64))?, 1, true),
                Unit::Week => (
                    midweek(p.checked_sub_days(Days::new(7 * n as u64))?, p)?,
                    2,
                    true,
                ),
                Unit::Month => (
                    first_of_month(p.checked_sub_months(Months::new(n))?),
                    3,
                    true,
                ),
                // A year back is only known to the month.
                Unit::Year => (
                    first_of_month(p.checked_sub_months(Months::new(12 * n))?),
                    3,
                    true,
                ),
            })
        });
        Some(Parsed {
            end,
            out,
            range: false,
            day: false,
        })
    }

    fn period_at(&self, j: usize) -> Option<Parsed> {
        let h = PERIODS.at(self.toks, j)?;
        let out = self.published.and_then(|p| {
            Some(match h.val {
                Period::ThisWeek => (midweek(p, p)?, 2, true),
                Period::EarlyThisWeek => (monday_of(p)?, 2, true),
                Period::LastWeek => (midweek(p.checked_sub_days(Days::new(7))?, p)?, 2, true),
                Period::ThisMonth => (first_of_month(p), 3, true),
                Period::LastMonth => (
                    first_of_month(first_of_month(p).checked_sub_days(Days::new(1))?),
                    3,
                    true,
                ),
            })
        });
        Some(Parsed {
            end: h.next,
            out,
            range: false,
            day: false,
        })
    }

    fn relday_at(&self, j: usize) -> Option<Parsed> {
        let toks = self.toks;
        let h = RELDAYS.at(toks, j)?;
        if h.val.today {
            let after = toks
                .get(h.next)
                .is_some_and(|t| NOT_TODAY_AFTER.contains(&t.s));
            let before = j > 0 && NOT_TODAY_BEFORE.contains(&toks[j - 1].s);
            if after || before {
                return None;
            }
        }
        // "لا يزال عشرات الفارين طلقاء حتى اليوم", "until today", "jusqu'à aujourd'hui": up
        // to now, not a day something happened.
        let mut words = toks[..j].iter().rev().filter(|t| t.s != "'").map(|t| t.s);
        let until = match (words.next(), words.next()) {
            (Some("a"), Some(w)) => w.starts_with("jusqu"),
            (Some(w), _) => UNTIL.contains(&w),
            _ => false,
        };
        if h.val.back == 0 && until {
            return None;
        }
        let end = SUFFIXES.at(toks, h.next).map_or(h.next, |s| s.next);
        let out = self
            .published
            .and_then(|p| p.checked_sub_days(Days::new(h.val.back)))
            .map(|d| (d, 1, true));
        Some(Parsed {
            end,
            out,
            range: false,
            day: false,
        })
    }

    fn weekday_at(&self, j: usize, flags: u8) -> Option<Parsed> {
        let toks = self.toks;
        let h = WEEKDAYS.at(toks, j)?;
        let wd = h.val;
        let mut k = h.next;
        // "الأحد عشر" is "the eleven".
        if toks.get(k).is_some_and(|t| t.s == "عشر" || t.s == "عشره") {
            return None;
        }
        // "ce samedi-là": the day of a date told before, not one counted from publication.
        if toks.get(k).is_some_and(|t| t.s == "-")
            && toks
                .get(k + 1)
                .is_some_and(|t| t.s == "la" && adjacent(&toks[k], t))
        {
            return None;
        }
        let mut strict = flags & LAST != 0;
        let mut block = flags & NEXT != 0;
        if let Some(m) = MODIFIERS.at(toks, k) {
            match m.val {
                Modifier::Last => strict = true,
                Modifier::Next => block = true,
            }
            k = m.next;
        }
        if let Some(s) = SUFFIXES.at(toks, k) {
            k = s.next;
        }
        // "lundi 12 janvier", "Monday, January 12": the absolute date decides.
        let k_abs = if toks.get(k).is_some_and(|t| t.s == ",") {
            k + 1
        } else {
            k
        };
        if let Some(p) = self.absolute_at(k_abs, flags | AMB) {
            if p.day || p.range {
                // "le vendredi 23 janvier" in a 15 January 2026 paper: the weekday says which
                // year a date without one is in (23 January is a Friday in 2026, not in 2025),
                // even when that puts it after publication (a march announced for that day).
                let year_stated = toks[k_abs..p.end.min(toks.len())]
                    .iter()
                    .any(|t| t.s.len() == 4 && t.s.bytes().all(|b| b.is_ascii_digit()));
                let out = match p.out {
                    Some((d, prec, rel))
                        if p.day && !year_stated && d.weekday().num_days_from_monday() != wd =>
                    {
                        let next = d.with_year(d.year() + 1);
                        match next.filter(|n| n.weekday().num_days_from_monday() == wd) {
                            Some(n) => Some((n, prec, rel)),
                            None => p.out,
                        }
                    }
                    o => o,
                };
                return Some(Parsed {
                    out: if block { None } else { out },
                    ..p
                });
            }
        }
        // "du lundi au mercredi", "dans la nuit de dimanche à lundi", "ليل السبت-الأحد".
        let mut wd2 = None;
        if let Some((c, k2)) = self.conn_at(k) {
            if c == Conn::To || flags & RANGE != 0 {
                let k2 = if toks.get(k2).is_some_and(|t| t.s == "le" || t.s == "يوم") {
                    k2 + 1
                } else {
                    k2
                };
                if let Some(h2) = WEEKDAYS.at(toks, k2) {
                    wd2 = Some(h2.val);
                    k = SUFFIXES.at(toks, h2.next).map_or(h2.next, |s| s.next);
                }
            }
        } else if flags & AR_NIGHT != 0 {
            if let Some(h2) = WEEKDAYS.at(toks, k).filter(|h2| h2.val == (wd + 1) % 7) {
                wd2 = Some(h2.val);
                k = h2.next;
            }
        }
        let night = flags & (NIGHT | AR_NIGHT) != 0;
        let (start_wd, precision) = match wd2 {
            None if flags & AR_NIGHT != 0 => ((wd + 6) % 7, 1),
            None => (wd, 1),
            Some(w2) => (wd, if night && w2 == (wd + 1) % 7 { 1 } else { 2 }),
        };
        let out = self
            .published
            .filter(|_| !block)
            .and_then(|p| Some((most_recent(start_wd, p, strict)?, precision, true)));
        Some(Parsed {
            end: k,
            out,
            range: wd2.is_some(),
            day: false,
        })
    }

    // --- absolute dates

    /// A day of the month: "17", "1er", "17th", "premier".
    fn day_at(&self, k: usize) -> Option<(u32, usize)> {
        let toks = self.toks;
        let t = toks.get(k)?;
        if t.s == "premier" {
            return Some((1, k + 1));
        }
        if t.kind != Kind::Digits || t.s.len() > 2 {
            return None;
        }
        // Glued to a Latin word or other digits it is a name or a longer number ("mi24"); an
        // Arabic conjunction may be glued ("و14").
        if k > 0
            && adjacent(&toks[k - 1], t)
            && matches!(toks[k - 1].kind, Kind::Latin | Kind::Digits)
        {
            return None;
        }
        let d: u32 = t.s.parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut e = k + 1;
        if let Some(n) = toks.get(e).filter(|n| adjacent(t, n)) {
            match n.kind {
                Kind::Latin
                    if matches!(
                        n.s,
                        "er" | "re" | "ere" | "eme" | "e" | "st" | "nd" | "rd" | "th"
                    ) =>
                {
                    e += 1
                }
                Kind::Latin => return None, // "10h"
                // "17/01", "1,200", "10:30": part of a longer number.
                Kind::Punct
                    if matches!(n.s, "/" | "." | ":" | ",")
                        && toks
                            .get(e + 1)
                            .is_some_and(|d| d.kind == Kind::Digits && adjacent(n, d)) =>
                {
                    return None
                }
                _ => {}
            }
        }
        Some((d, e))
    }

    /// A month name, with an abbreviation dot and an alternative name ("كانون الثاني/يناير").
    fn month_at(&self, k: usize) -> Option<(u32, bool, usize)> {
        let toks = self.toks;
        let h = MONTHS.at(toks, k)?;
        let (m, amb, abbr) = h.val;
        let mut e = h.next;
        if abbr
            && toks
                .get(e)
                .is_some_and(|t| t.s == "." && adjacent(&toks[e - 1], t))
        {
            e += 1;
        }
        if let Some(s) = toks.get(e).filter(|s| matches!(s.s, "/" | "(" | "-")) {
            if let Some(h2) = MONTHS.at(toks, e + 1).filter(|h2| h2.val.0 == m) {
                e = h2.next;
                if s.s == "(" && toks.get(e).is_some_and(|t| t.s == ")") {
                    e += 1;
                }
            }
        }
        Some((m, amb, e))
    }

    /// A four-digit year 1900–2100 (with the Arabic "م" for CE), after an optional comma.
    fn year_at(&self, k: usize, comma: bool) -> Option<(i32, usize)> {
        let toks = self.toks;
        let k = if comma && toks.get(k).is_some_and(|t| t.s == ",") {
            k + 1
        } else {
            k
        };
        let t = toks.get(k)?;
        if t.kind != Kind::Digits || t.s.len() != 4 {
            return None;
        }
        let y: i32 = t.s.parse().ok()?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        let e = if toks.get(k + 1).is_some_and(|t| t.s == "م") {
            k + 2
        } else {
            k + 1
        };
        Some((y, e))
    }

    /// "17th of January", "17 من شهر يناير".
    fn skip_of(&self, k: usize) -> usize {
        let toks = self.toks;
        let mut k = k;
        if toks.get(k).is_some_and(|t| t.s == "of" || t.s == "من") {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.s == "شهر") {
            k += 1;
        }
        k
    }

    fn absolute_at(&self, j: usize, flags: u8) -> Option<Parsed> {
        match (self.day_first(j, flags), self.month_first(j, flags)) {
            (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    fn single(&self, y: Option<i32>, m: u32, d: u32, end: usize) -> Option<Parsed> {
        if !valid_md(m, d) {
            return None;
        }
        let out = match y {
            Some(y) => Some(ymd(y, m, d)?),
            None => self.published.and_then(|p| infer_day(m, d, p)),
        };
        Some(Parsed {
            end,
            out: out.map(|d| (d, 1, false)),
            range: false,
            day: true,
        })
    }

    /// A range of days, coded on its first day. Without years, a start later in the year than
    /// the end belongs to the previous year ("du 28 décembre au 3 janvier").
    fn range(
        &self,
        flags: u8,
        (y1, m1, d1): (Option<i32>, u32, u32),
        (y2, m2, d2): (Option<i32>, u32, u32),
        end: usize,
    ) -> Option<Parsed> {
        if !valid_md(m1, d1) || !valid_md(m2, d2) {
            return None;
        }
        let wraps = (m1, d1) > (m2, d2);
        if wraps && m1 == m2 && y1.is_none() && y2.is_none() {
            return None;
        }
        let end_date = match (y1, y2) {
            (_, Some(y)) => Some(ymd(y, m2, d2)?),
            (Some(y), None) => Some(ymd(if wraps { y + 1 } else { y }, m2, d2)?),
            // The start is what is coded: it must fall on or before publication; the end may
            // run past it ("between March 28 and April 7", published on April 4).
            (None, None) => self
                .published
                .and_then(|p| infer_day(m1, d1, p))
                .and_then(|s| ymd(s.year() + wraps as i32, m2, d2)),
        };
        let out = match end_date {
            Some(e) => {
                let start = match y1 {
                    Some(y) => ymd(y, m1, d1)?,
                    None => ymd(e.year() - wraps as i32, m1, d1)?,
                };
                let days = (e - start).num_days() + 1;
                if !(1..=366).contains(&days) {
                    return None;
                }
                let night = flags & (NIGHT | AR_NIGHT) != 0;
                let precision = match days {
                    1 => 1,
                    2 if night => 1,
                    2..=7 => 2,
                    _ => 3,
                };
                Some((start, precision, false))
            }
            None => None,
        };
        Some(Parsed {
            end,
            out,
            range: true,
            day: false,
        })
    }

    /// Day first: "17 janvier 2019", "le 1er janvier", "17 يناير", "du 12 au 14 janvier",
    /// "بين 12 و14 يناير", "12-14 january".
    fn day_first(&self, j: usize, flags: u8) -> Option<Parsed> {
        let toks = self.toks;
        let (d1, k) = self.day_at(j)?;
        let km = self.skip_of(k);
        let m1 = self.month_at(km);
        let (c, y1) = match m1 {
            Some((_, _, e)) => match self.year_at(e, false) {
                Some((y, e2)) => (e2, Some(y)),
                None => (e, None),
            },
            None => (k, None),
        };
        if let Some((_, kc)) = self.conn_at(c) {
            // "samedi 10 et dimanche 11 janvier"
            let kc = WEEKDAYS.at(toks, kc).map_or(kc, |h| h.next);
            if let Some((d2, k2)) = self.day_at(kc) {
                if let Some((m2, _, e2)) = self.month_at(self.skip_of(k2)) {
                    let (y2, e3) = self
                        .year_at(e2, false)
                        .map_or((None, e2), |(y, e)| (Some(y), e));
                    let m1v = m1.map_or(m2, |m| m.0);
                    if let Some(p) = self.range(flags, (y1, m1v, d1), (y2, m2, d2), e3) {
                        return Some(p);
                    }
                }
            }
        }
        let (m, amb, e) = m1?;
        if amb && toks[km].kind == Kind::Latin {
            let ok = flags & AMB != 0
                || y1.is_some()
                || toks
                    .get(e)
                    .is_none_or(|t| t.kind == Kind::Punct || AFTER_AMBIGUOUS_MONTH.contains(&t.s));
            if !ok {
                return None;
            }
        }
        self.dated(self.single(y1, m, d1, c), y1.is_none())
    }

    /// "le 28 décembre dernier" (kept, the modifier joins the span), "le 5 janvier prochain",
    /// "5 يناير المقبل" (future: consumed, not reported).
    fn dated(&self, p: Option<Parsed>, yearless: bool) -> Option<Parsed> {
        let p = p?;
        if !yearless {
            return Some(p);
        }
        match MODIFIERS.at(self.toks, p.end) {
            Some(m) if m.val == Modifier::Next => Some(Parsed {
                end: m.next,
                out: None,
                ..p
            }),
            Some(m) => Some(Parsed { end: m.next, ..p }),
            None => Some(p),
        }
    }

    /// Month first: "january 17, 2019", "january 12-14", "janvier 2026", "(يناير 2026)",
    /// "fin janvier", "يناير الماضي".
    fn month_first(&self, j: usize, flags: u8) -> Option<Parsed> {
        let toks = self.toks;
        let (m, amb, k) = self.month_at(j)?;
        let mut best: Option<Parsed> = None;
        if let Some((d1, k2)) = self.day_at(k) {
            let supported = |y: Option<i32>, after: usize| {
                !amb || flags & AMB != 0
                    || y.is_some()
                    || toks.get(after).is_none_or(|t| t.kind == Kind::Punct)
            };
            if let Some((_, kc)) = self.conn_at(k2) {
                if let Some((d2, k3)) = self.day_at(kc) {
                    let (y, e) = self
                        .year_at(k3, true)
                        .map_or((None, k3), |(y, e)| (Some(y), e));
                    if supported(y, k3) {
                        best = self.range(flags, (y, m, d1), (y, m, d2), e);
                    }
                } else if let Some((m2, _, k3)) = self.month_at(kc) {
                    // "from June 4 to June 5, 2021": the year closes both ends.
                    if let Some((d2, k4)) = self.day_at(k3) {
                        let (y, e) = self
                            .year_at(k4, true)
                            .map_or((None, k4), |(y, e)| (Some(y), e));
                        if supported(y, k4) {
                            best = self.range(flags, (y, m, d1), (y, m2, d2), e);
                        }
                    }
                }
            }
            if best.is_none() {
                let (y, e) = self
                    .year_at(k2, true)
                    .map_or((None, k2), |(y, e)| (Some(y), e));
                if supported(y, k2) {
                    best = self.dated(self.single(y, m, d1, e), y.is_none());
                }
            }
        }
        // Month precision.
        let mut e = k;
        let mut last = flags & LAST != 0;
        let mut next = false;
        if let Some(md) = MODIFIERS.at(toks, e) {
            match md.val {
                Modifier::Last => last = true,
                Modifier::Next => next = true,
            }
            e = md.next;
        }
        let month = if let Some((y, e2)) = self.year_at(e, false) {
            Some(Parsed {
                end: e2,
                out: ymd(y, m, 1).map(|d| (d, 3, false)),
                range: false,
                day: false,
            })
        } else if flags & BARE != 0 || last || next {
            let out = self.published.filter(|_| !next).and_then(|p| {
                let d = infer_day(m, 1, p)?;
                let d = if last && (d.year(), d.month()) == (p.year(), p.month()) {
                    ymd(d.year() - 1, m, 1)?
                } else {
                    d
                };
                Some((d, 3, false))
            });
            Some(Parsed {
                end: e,
                out,
                range: false,
                day: false,
            })
        } else {
            None
        };
        match (best, month) {
            (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_in_three_languages() {
        for w in ["monday", "dimanche", "الخميس", "السبت"] {
            assert!(is_weekday(crate::normalize(w).as_str()), "{w}");
        }
        for w in ["month", "demain", "janvier", "الشهر", ""] {
            assert!(!is_weekday(w), "{w}");
        }
    }

    /// Wednesday.
    const PUB: &str = "2026-01-14";

    struct Case {
        name: &'static str,
        /// Raw text; normalised before the call.
        input: &'static str,
        /// Publication date, "" for none.
        published: &'static str,
        /// (span text in the normalised input, date, precision, relative)
        expected: &'static [(&'static str, &'static str, u8, bool)],
    }

    const CASES: &[Case] = &[
        // Absolute, English
        Case {
            name: "en d month y",
            input: "on 17 January 2019 gunmen",
            published: PUB,
            expected: &[("on 17 january 2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "en month d, y",
            input: "January 17, 2019",
            published: PUB,
            expected: &[("january 17, 2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "en month d",
            input: "attack on January 12 in Gao",
            published: PUB,
            expected: &[("on january 12", "2026-01-12", 1, false)],
        },
        Case {
            name: "en on d month",
            input: "on 12 january",
            published: PUB,
            expected: &[("on 12 january", "2026-01-12", 1, false)],
        },
        Case {
            name: "en ordinal of",
            input: "the 3rd of January",
            published: PUB,
            expected: &[("the 3rd of january", "2026-01-03", 1, false)],
        },
        Case {
            name: "en future day goes to last year",
            input: "on 17 january",
            published: PUB,
            expected: &[("on 17 january", "2025-01-17", 1, false)],
        },
        Case {
            name: "en month year",
            input: "in January 2026",
            published: PUB,
            expected: &[("in january 2026", "2026-01-01", 3, false)],
        },
        Case {
            name: "en abbreviation",
            input: "Jan. 5, 2026",
            published: PUB,
            expected: &[("jan. 5, 2026", "2026-01-05", 1, false)],
        },
        Case {
            name: "en mid-month",
            input: "mid-December",
            published: PUB,
            expected: &[("mid-december", "2025-12-01", 3, false)],
        },
        Case {
            name: "trap may modal",
            input: "militants may attack again",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "trap may modal after number",
            input: "5 may have died",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "trap march protest",
            input: "a protest march 5 km long",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "trap march bare",
            input: "the march was dispersed",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "en may with day",
            input: "on 5 May, troops",
            published: PUB,
            expected: &[("on 5 may", "2025-05-05", 1, false)],
        },
        Case {
            name: "en may with year",
            input: "May 2019",
            published: PUB,
            expected: &[("may 2019", "2019-05-01", 3, false)],
        },
        Case {
            name: "en march day comma",
            input: "March 3, soldiers",
            published: PUB,
            expected: &[("march 3", "2025-03-03", 1, false)],
        },
        // Absolute, French
        Case {
            name: "fr d month y",
            input: "17 janvier 2019",
            published: PUB,
            expected: &[("17 janvier 2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "fr le d month",
            input: "le 12 janvier",
            published: PUB,
            expected: &[("le 12 janvier", "2026-01-12", 1, false)],
        },
        Case {
            name: "fr 1er",
            input: "le 1er janvier",
            published: PUB,
            expected: &[("le 1er janvier", "2026-01-01", 1, false)],
        },
        Case {
            name: "fr accents",
            input: "le 3 août 2025 et le 24 décembre 2025",
            published: PUB,
            expected: &[
                ("le 3 aout 2025", "2025-08-03", 1, false),
                ("le 24 decembre 2025", "2025-12-24", 1, false),
            ],
        },
        Case {
            name: "fr month year",
            input: "en janvier 2026",
            published: PUB,
            expected: &[("en janvier 2026", "2026-01-01", 3, false)],
        },
        Case {
            name: "fr fin month",
            input: "fin décembre",
            published: PUB,
            expected: &[("fin decembre", "2025-12-01", 3, false)],
        },
        Case {
            name: "fr month dernier",
            input: "en janvier dernier",
            published: PUB,
            expected: &[("en janvier dernier", "2025-01-01", 3, false)],
        },
        Case {
            name: "fr day month dernier",
            input: "le 28 décembre dernier",
            published: PUB,
            expected: &[("le 28 decembre dernier", "2025-12-28", 1, false)],
        },
        Case {
            name: "fr day month prochain",
            input: "le 5 février prochain",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "fr weekday day range",
            input: "samedi 10 et dimanche 11 janvier",
            published: PUB,
            expected: &[("samedi 10 et dimanche 11 janvier", "2026-01-10", 2, false)],
        },
        Case {
            name: "fr invalid day",
            input: "le 31 février",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "fr weekday picks the year of a date without one, even after publication",
            input: "le vendredi 23 janvier",
            published: PUB,
            expected: &[("le vendredi 23 janvier", "2026-01-23", 1, false)],
        },
        Case {
            name: "en weekday that fits the past year keeps it",
            input: "on Friday, January 10",
            published: "2025-01-14",
            expected: &[("on friday, january 10", "2025-01-10", 1, false)],
        },
        Case {
            name:
                "fr 'ce samedi-là' is the day of a date told before, not a weekday from publication",
            input: "Ce samedi-là, des centaines d'habitants creusaient des tranchées",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "fr weekday and date",
            input: "lundi 12 janvier",
            published: PUB,
            expected: &[("lundi 12 janvier", "2026-01-12", 1, false)],
        },
        // Absolute, Arabic
        Case {
            name: "ar d yanayir y",
            input: "17 يناير 2019",
            published: PUB,
            expected: &[("17 يناير 2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "ar kanun al-thani",
            input: "17 كانون الثاني 2019",
            published: PUB,
            expected: &[("17 كانون الثاني 2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "ar kanun al-thani bare",
            input: "كانون الثاني",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "ar fi kanun al-thani",
            input: "في كانون الثاني",
            published: PUB,
            expected: &[("في كانون الثاني", "2026-01-01", 3, false)],
        },
        Case {
            name: "ar yawm d",
            input: "يوم 10 يناير",
            published: PUB,
            expected: &[("يوم 10 يناير", "2026-01-10", 1, false)],
        },
        Case {
            name: "ar fi d maris",
            input: "في 3 مارس",
            published: PUB,
            expected: &[("في 3 مارس", "2025-03-03", 1, false)],
        },
        Case {
            name: "ar janfi",
            input: "12 جانفي",
            published: PUB,
            expected: &[("12 جانفي", "2026-01-12", 1, false)],
        },
        Case {
            name: "ar janfi year",
            input: "جانفي 2026",
            published: PUB,
            expected: &[("جانفي 2026", "2026-01-01", 3, false)],
        },
        Case {
            name: "ar parenthesised month year",
            input: "(يناير 2026)",
            published: PUB,
            expected: &[("يناير 2026", "2026-01-01", 3, false)],
        },
        Case {
            name: "ar juilliya",
            input: "12 جويلية 2025",
            published: PUB,
            expected: &[("12 جويليه 2025", "2025-07-12", 1, false)],
        },
        Case {
            name: "ar nisan",
            input: "2 نيسان 2025",
            published: PUB,
            expected: &[("2 نيسان 2025", "2025-04-02", 1, false)],
        },
        Case {
            name: "ar alternate names",
            input: "5 كانون الثاني/يناير 2026",
            published: PUB,
            expected: &[("5 كانون الثاني/يناير 2026", "2026-01-05", 1, false)],
        },
        Case {
            name: "ar li-yanayir clitic",
            input: "الموافق 5 ليناير",
            published: PUB,
            expected: &[("5 ليناير", "2026-01-05", 1, false)],
        },
        Case {
            name: "ar maris verb",
            input: "مارس الجيش ضغوطا",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "ar yanayir al-madi",
            input: "يناير الماضي",
            published: PUB,
            expected: &[("يناير الماضي", "2025-01-01", 3, false)],
        },
        Case {
            name: "ar milady suffix",
            input: "17 يناير 2019م",
            published: PUB,
            expected: &[("17 يناير 2019م", "2019-01-17", 1, false)],
        },
        // Numeric
        Case {
            name: "numeric slashes",
            input: "17/01/2019",
            published: PUB,
            expected: &[("17/01/2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "numeric dashes",
            input: "17-01-2019",
            published: PUB,
            expected: &[("17-01-2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "numeric iso",
            input: "2019-01-17",
            published: PUB,
            expected: &[("2019-01-17", "2019-01-17", 1, false)],
        },
        Case {
            name: "numeric dots",
            input: "17.01.2019",
            published: PUB,
            expected: &[("17.01.2019", "2019-01-17", 1, false)],
        },
        Case {
            name: "numeric us order",
            input: "01/17/2019",
            published: PUB,
            expected: &[("01/17/2019", "2019-01-17", 1, false)],
        },
        // Year inference
        Case {
            name: "year across new year",
            input: "28 december",
            published: "2026-01-03",
            expected: &[("28 december", "2025-12-28", 1, false)],
        },
        Case {
            name: "slop of two days",
            input: "le 5 janvier",
            published: "2026-01-03",
            expected: &[("le 5 janvier", "2026-01-05", 1, false)],
        },
        Case {
            name: "no published no year",
            input: "le 12 janvier",
            published: "",
            expected: &[],
        },
        Case {
            name: "no published with year",
            input: "le 12 janvier 2026",
            published: "",
            expected: &[("le 12 janvier 2026", "2026-01-12", 1, false)],
        },
        Case {
            name: "no published relative",
            input: "hier",
            published: "",
            expected: &[],
        },
        // Relative days
        Case {
            name: "en yesterday",
            input: "yesterday",
            published: PUB,
            expected: &[("yesterday", "2026-01-13", 1, true)],
        },
        Case {
            name: "fr hier soir",
            input: "hier soir",
            published: PUB,
            expected: &[("hier soir", "2026-01-13", 1, true)],
        },
        Case {
            name: "ar ams",
            input: "أمس",
            published: PUB,
            expected: &[("امس", "2026-01-13", 1, true)],
        },
        Case {
            name: "ar bil-ams",
            input: "بالأمس",
            published: PUB,
            expected: &[("بالامس", "2026-01-13", 1, true)],
        },
        Case {
            name: "ar ams al-awwal",
            input: "أمس الأول",
            published: PUB,
            expected: &[("امس الاول", "2026-01-12", 1, true)],
        },
        Case {
            name: "ar awwal ams",
            input: "أول أمس",
            published: PUB,
            expected: &[("اول امس", "2026-01-12", 1, true)],
        },
        Case {
            name: "fr avant-hier",
            input: "avant-hier",
            published: PUB,
            expected: &[("avant-hier", "2026-01-12", 1, true)],
        },
        Case {
            name: "en day before yesterday",
            input: "the day before yesterday",
            published: PUB,
            expected: &[("the day before yesterday", "2026-01-12", 1, true)],
        },
        Case {
            name: "en today",
            input: "today",
            published: PUB,
            expected: &[("today", "2026-01-14", 1, true)],
        },
        Case {
            name: "fr aujourd'hui",
            input: "aujourd’hui",
            published: PUB,
            expected: &[("aujourd'hui", "2026-01-14", 1, true)],
        },
        Case {
            name: "ar al-yawm",
            input: "اليوم",
            published: PUB,
            expected: &[("اليوم", "2026-01-14", 1, true)],
        },
        Case {
            name: "en until today is no day",
            input: "they remain at large until today",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "fr jusqu'à aujourd'hui is no day",
            input: "ils sont toujours en fuite jusqu'à aujourd'hui",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "ar hatta al-yawm is no day",
            input: "لا يزال عشرات الفارين طلقاء حتى اليوم",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "ar al-yawm al-tali",
            input: "في اليوم التالي",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "en last night",
            input: "last night",
            published: PUB,
            expected: &[("last night", "2026-01-13", 1, true)],
        },
        Case {
            name: "fr nuit derniere",
            input: "la nuit dernière",
            published: PUB,
            expected: &[("la nuit derniere", "2026-01-13", 1, true)],
        },
        Case {
            name: "ar al-layla al-madiya",
            input: "الليلة الماضية",
            published: PUB,
            expected: &[("الليله الماضيه", "2026-01-13", 1, true)],
        },
        Case {
            name: "en this morning",
            input: "this morning",
            published: PUB,
            expected: &[("this morning", "2026-01-14", 1, true)],
        },
        Case {
            name: "fr ce matin",
            input: "ce matin",
            published: PUB,
            expected: &[("ce matin", "2026-01-14", 1, true)],
        },
        Case {
            name: "ar sabah al-yawm",
            input: "صباح اليوم",
            published: PUB,
            expected: &[("صباح اليوم", "2026-01-14", 1, true)],
        },
        // Weekdays
        Case {
            name: "en on monday",
            input: "on Monday",
            published: PUB,
            expected: &[("on monday", "2026-01-12", 1, true)],
        },
        Case {
            name: "en monday night",
            input: "Monday night",
            published: PUB,
            expected: &[("monday night", "2026-01-12", 1, true)],
        },
        Case {
            name: "en late sunday",
            input: "late Sunday",
            published: PUB,
            expected: &[("late sunday", "2026-01-11", 1, true)],
        },
        Case {
            name: "en same weekday is today",
            input: "on Wednesday",
            published: PUB,
            expected: &[("on wednesday", "2026-01-14", 1, true)],
        },
        Case {
            name: "en next monday",
            input: "next Monday",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "fr lundi",
            input: "lundi",
            published: PUB,
            expected: &[("lundi", "2026-01-12", 1, true)],
        },
        Case {
            name: "fr ce lundi",
            input: "ce lundi",
            published: PUB,
            expected: &[("ce lundi", "2026-01-12", 1, true)],
        },
        Case {
            name: "fr mercredi dernier",
            input: "mercredi dernier",
            published: PUB,
            expected: &[("mercredi dernier", "2026-01-07", 1, true)],
        },
        Case {
            name: "fr lundi prochain",
            input: "lundi prochain",
            published: PUB,
            expected: &[],
        },
        Case {
            name: "fr nuit de dimanche a lundi",
            input: "dans la nuit de dimanche à lundi",
            published: PUB,
            expected: &[("dans la nuit de dimanche a lundi", "2026-01-11", 1, true)],
        },
        Case {
            name: "fr du lundi au mercredi",
            input: "du lundi au mercredi",
            published: PUB,
            expected: &[("du lundi au mercredi", "2026-01-12", 2, true)],
        },
        Case {
            name: "ar al-ithnayn",
            input: "الاثنين",
            published: PUB,
            expected: &[("الاثنين", "2026-01-12", 1, true)],
        },
        Case {
            name: "ar yawm al-ahad",
            input: "يوم الأحد",
            published: PUB,
            expected: &[("يوم الاحد", "2026-01-11", 1, true)],
        },
        Case {
            name: "ar fajr al-ahad",
            input: "فجر الأحد",
            published: PUB,
            expected: &[("فجر الاحد", "2026-01-11", 1, true)],
        },
        Case {
            name: "ar masa al-ithnayn",
            input: "مساء الإثنين",
            published: PUB,
            expected: &[("مساء الاثنين", "2026-01-12", 1, true)],
        },
        Case {
            name: "ar laylat al-ahad",
            input: "ليلة الأحد",
            published: PUB,
            expected: &[("ليله الاحد", "2026-01-10", 1, true)],
        },
        Case {
            name: "ar laylat al-sabt ila al-ahad",
            input: "ليلة السبت إلى الأحد",
            published: PUB,
            expected: &[("ليله السبت الي الاحد", "2026-01-10", 1, true)],
        },
        Case {
            name: "ar wal-jumua clitic",
            input: "والجمعة",
            published: PUB,
            expected: &[("والجمعه", "2026-01-09", 1, true)],
        },
        Case {
            name: "ar al-ahad al-madi",
            input: "الأحد الماضي",
            published: PUB,
            expected: &[("الاحد الماضي", "2026-01-11", 1, true)],
        },
        Case {
            name: "ar al-ahad ashar is eleven",
            input: "الأحد عشر",
            published: PUB,
            expected: &[],
        },
        // Counted back
        Case {
            name: "en three days ago",
            input: "three days ago",
            published: PUB,
            expected: &[("three days ago", "2026-01-11", 1, true)],
        },
        Case {
            name: "en a week ago",
            input: "a week ago",
            published: PUB,
            expected: &[("a week ago", "2026-01-07", 2, true)],
        },
        Case {
            name: "fr il y a trois jours",
            input: "il y a trois jours",
            published: PUB,
            expected: &[("il y a trois jours", "2026-01-11", 1, true)],
        },
        Case {
            name: "ar qabl yawmayn",
            input: "قبل يومين",
            published: PUB,
            expected: &[("قبل يومين", "2026-01-12", 1, true)],
        },
        Case {
            name: "ar qabl 3 ayyam",
            input: "قبل 3 أيام",
            published: PUB,
            expected: &[("قبل 3 ايام", "2026-01-11", 1, true)],
        },
        Case {
            name: "ar mundhu thalathat ayyam",
            input: "منذ ثلاثة أيام",
            published: PUB,
            expected: &[("منذ ثلاثه ايام", "2026-01-11", 1, true)],
        },
        Case {
            name: "fr il y a un an",
            input: "il y a un an",
            published: PUB,
            expected: &[("il y a un an", "2025-01-01", 3, true)],
        },
        Case {
            name: "en two weeks ago",
            input: "two weeks ago",
            published: PUB,
            expected: &[("two weeks ago", "2025-12-31", 2, true)],
        },
        Case {
            name: "ar mundhu shahrayn",
            input: "منذ شهرين",
            published: PUB,
            expected: &[("منذ شهرين", "2025-11-01", 3, true)],
        },
        Case {
            name: "ar qabl yawmayn min other event",
            input: "قبل يومين من الانتخابات",
            published: PUB,
            expected: &[],
        },
        // Weeks and months
        Case {
            name: "en this week",
            input: "this week",
            published: PUB,
            expected: &[("this week", "2026-01-14", 2, true)],
        },
        Case {
            name: "en this week clamped",
            input: "this week",
            published: "2026-01-12",
            expected: &[("this week", "2026-01-12", 2, true)],
        },
        Case {
            name: "en early this week",
            input: "early this week",
            published: PUB,
            expected: &[("early this week", "2026-01-12", 2, true)],
        },
        Case {
            name: "fr debut de semaine",
            input: "en début de semaine",
            published: PUB,
            expected: &[("en debut de semaine", "2026-01-12", 2, true)],
        },
        Case {
            name: "ar matla al-usbu",
            input: "مطلع الأسبوع",
            published: PUB,
            expected: &[("مطلع الاسبوع", "2026-01-12", 2, true)],
        },
        Case {
            name: "fr cette semaine",
            input: "cette semaine",
            published: PUB,
            expected: &[("cette semaine", "2026-01-14", 2, true)],
        },
        Case {
            name: "ar hadha al-usbu",
            input: "هذا الأسبوع",
            published: PUB,
            expected: &[("هذا الاسبوع", "2026-01-14", 2, true)],
        },
        Case {
            name: "en last week",
            input: "last week",
            published: PUB,
            expected: &[("last week", "2026-01-07", 2, true)],
        },
        Case {
            name: "fr semaine derniere",
            input: "la semaine dernière",
            published: PUB,
            expected: &[("la semaine derniere", "2026-01-07", 2, true)],
        },
        Case {
            name: "ar al-usbu al-madi",
            input: "الأسبوع الماضي",
            published: PUB,
            expected: &[("الاسبوع الماضي", "2026-01-07", 2, true)],
        },
        Case {
            name: "en last month",
            input: "last month",
            published: PUB,
            expected: &[("last month", "2025-12-01", 3, true)],
        },
        Case {
            name: "fr le mois dernier",
            input: "le mois dernier",
            published: PUB,
            expected: &[("le mois dernier", "2025-12-01", 3, true)],
        },
        Case {
            name: "ar al-shahr al-madi",
            input: "الشهر الماضي",
            published: PUB,
            expected: &[("الشهر الماضي", "2025-12-01", 3, true)],
        },
        Case {
            name: "en earlier this month",
            input: "earlier this month",
            published: PUB,
            expected: &[("earlier this month", "2026-01-01", 3, true)],
        },
        Case {
            name: "fr ce mois-ci",
            input: "ce mois-ci",
            published: PUB,
            expected: &[("ce mois-ci", "2026-01-01", 3, true)],
        },
        Case {
            name: "ar hadha al-shahr",
            input: "هذا الشهر",
            published: PUB,
            expected: &[("هذا الشهر", "2026-01-01", 3, true)],
        },
        // Ranges
        Case {
            name: "en from to",
            input: "from 12 to 14 January",
            published: PUB,
            expected: &[("from 12 to 14 january", "2026-01-12", 2, false)],
        },
        Case {
            name: "en between and",
            input: "between 12 and 14 January",
            published: PUB,
            expected: &[("between 12 and 14 january", "2026-01-12", 2, false)],
        },
        Case {
            name: "en long range",
            input: "between 1 and 20 December 2025",
            published: PUB,
            expected: &[("between 1 and 20 december 2025", "2025-12-01", 3, false)],
        },
        Case {
            name: "en month d-d",
            input: "January 12-14, 2026",
            published: PUB,
            expected: &[("january 12-14, 2026", "2026-01-12", 2, false)],
        },
        Case {
            name: "fr du au",
            input: "du 12 au 14 janvier",
            published: PUB,
            expected: &[("du 12 au 14 janvier", "2026-01-12", 2, false)],
        },
        Case {
            name: "fr les et",
            input: "les 12 et 13 janvier",
            published: PUB,
            expected: &[("les 12 et 13 janvier", "2026-01-12", 2, false)],
        },
        Case {
            name: "fr nuit du au",
            input: "dans la nuit du 12 au 13 janvier",
            published: PUB,
            expected: &[("dans la nuit du 12 au 13 janvier", "2026-01-12", 1, false)],
        },
        Case {
            name: "en month-day to month-day with one year",
            input: "overnight from June 4 to June 5, 2021",
            published: PUB,
            expected: &[(
                "overnight from june 4 to june 5, 2021",
                "2021-06-04",
                1,
                false,
            )],
        },
        Case {
            name: "fr range across new year",
            input: "du 28 décembre au 3 janvier",
            published: PUB,
            expected: &[("du 28 decembre au 3 janvier", "2025-12-28", 2, false)],
        },
        Case {
            name: "ar bayna wa",
            input: "بين 12 و14 يناير",
            published: PUB,
            expected: &[("بين 12 و14 يناير", "2026-01-12", 2, false)],
        },
        Case {
            name: "range without month is no date",
            input: "entre 5 et 10 morts",
            published: PUB,
            expected: &[],
        },
        // Several in one text
        Case {
            name: "two mentions",
            input: "Hier, puis le 12 janvier, et la semaine dernière",
            published: PUB,
            expected: &[
                ("hier", "2026-01-13", 1, true),
                ("le 12 janvier", "2026-01-12", 1, false),
                ("la semaine derniere", "2026-01-07", 2, true),
            ],
        },
        Case {
            name: "ar sentence",
            input: "قتل 12 جنديا فجر الأحد في هجوم وقع بين 5 و10 كيلومترات",
            published: PUB,
            expected: &[("فجر الاحد", "2026-01-11", 1, true)],
        },
    ];

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn published_is_a_wednesday() {
        assert_eq!(date(PUB).weekday(), chrono::Weekday::Wed);
    }

    #[test]
    fn cases() {
        let mut names = std::collections::HashSet::new();
        let mut failures = Vec::new();
        for c in CASES {
            assert!(names.insert(c.name), "duplicate case name {}", c.name);
            let n = crate::normalize(c.input);
            let s = n.as_str();
            let published = (!c.published.is_empty()).then(|| date(c.published));
            let got: Vec<(&str, NaiveDate, u8, bool)> = find_dates(s, published)
                .iter()
                .map(|m| (&s[m.start..m.end], m.date, m.precision, m.relative))
                .collect();
            let want: Vec<(&str, NaiveDate, u8, bool)> = c
                .expected
                .iter()
                .map(|&(t, d, p, r)| (t, date(d), p, r))
                .collect();
            if got != want {
                failures.push(format!(
                    "case {:?} on {s:?}:\n   got  {got:?}\n   want {want:?}",
                    c.name
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
        assert!(CASES.len() >= 40);
    }

    /// Found by `cargo fuzz run dates`: weekdays and weeks resolved against a publication date
    /// at the ends of chrono's calendar (reachable from JSONL: `"published": "-262143-01-01"`)
    /// subtracted past the first day and panicked. Such mentions are now left unresolved.
    #[test]
    fn find_dates_handles_extreme_published_dates_regression() {
        let text = "lundi, friday, يوم الاحد, this week, early this week, last week, \
                    three weeks ago, yesterday, last month, two years ago, la semaine derniere";
        let n = crate::normalize(text);
        for published in [NaiveDate::MIN, NaiveDate::MAX] {
            for m in find_dates(n.as_str(), Some(published)) {
                assert!(m.end <= n.len() && (NaiveDate::MIN..=NaiveDate::MAX).contains(&m.date));
            }
        }
        // The first Monday chrono knows is still found from the day after.
        let first_monday = (0..7)
            .map(|d| NaiveDate::MIN + chrono::Days::new(d))
            .find(|d| d.weekday() == chrono::Weekday::Mon)
            .unwrap();
        let next = first_monday + chrono::Days::new(1);
        let got = find_dates("monday", Some(next));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].date, first_monday);
    }

    #[test]
    fn scan_skips_only_tokens_that_start_nothing() {
        let sample = include_str!("../../../examples/sample.jsonl");
        let texts = CASES.iter().map(|c| c.input).chain(sample.lines());
        let published = NaiveDate::parse_from_str(PUB, "%Y-%m-%d").ok();
        let (mut skipped, mut kept) = (0, 0);
        for text in texts {
            let n = crate::normalize(text);
            let toks = crate::numbers::marked_tokens(n.as_str());
            for p in [None, published] {
                let cx = Cx {
                    toks: &toks,
                    published: p,
                };
                for (i, t) in toks.iter().enumerate() {
                    if may_start_date(t) {
                        kept += 1;
                    } else {
                        skipped += 1;
                        assert!(cx.best_at(i).is_none(), "{text:?} at {:?}", t.s);
                    }
                }
            }
        }
        assert!(skipped > 1000 && kept > 100, "{skipped} {kept}");
    }

    #[test]
    fn mentions_are_sorted_and_disjoint() {
        let n = crate::normalize(
            "Lundi 12 janvier, hier soir, et du 1er au 3 janvier; يوم الأحد وأمس، last week",
        );
        let m = find_dates(n.as_str(), Some(date(PUB)));
        assert_eq!(m.len(), 6);
        for w in m.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }
}
