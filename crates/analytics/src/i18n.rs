//! Report strings in English, French and Arabic, kept in one table so a missing translation
//! is visible in one place (a test checks every row has all three).

use crate::capability::Capability;
use crate::control::ControlLabel;
use rasd_model::EventType;
use serde::{Deserialize, Serialize};

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    /// Arabic: HTML output is `dir="rtl"`.
    Ar,
}

impl Lang {
    /// Parse `en`, `fr`, `ar` (and common spellings).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Some(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" => Some(Lang::Fr),
            "ar" | "ara" | "arabic" => Some(Lang::Ar),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// `(key, en, fr, ar)`.
const STRINGS: &[(&str, &str, &str, &str)] = &[
    ("title", "Situation report", "Rapport de situation", "تقرير الوضع"),
    ("period", "Period", "Période", "الفترة"),
    ("previous", "previous period", "période précédente", "الفترة السابقة"),
    ("filter", "Scope", "Périmètre", "النطاق"),
    ("all", "all events", "tous les événements", "جميع الأحداث"),
    ("headline", "Headline figures", "Chiffres clés", "الأرقام الرئيسية"),
    ("events", "Events", "Événements", "الأحداث"),
    ("fatalities", "Fatalities", "Victimes", "القتلى"),
    ("change", "Change", "Évolution", "التغير"),
    ("current", "This period", "Cette période", "هذه الفترة"),
    ("before", "Previous", "Précédente", "السابقة"),
    ("by_type", "By event type", "Par type d'événement", "حسب نوع الحدث"),
    ("by_country", "By country", "Par pays", "حسب البلد"),
    ("by_admin1", "By region", "Par région", "حسب المنطقة"),
    ("top_actors", "Most active actors", "Acteurs les plus actifs", "الجهات الأكثر نشاطا"),
    ("sources", "Sources", "Sources", "المصادر"),
    (
        "sources_note",
        "distinct sources behind the period's events; events reported by more than one source",
        "sources distinctes derrière les événements de la période ; événements rapportés par plus d'une source",
        "عدد المصادر المختلفة وراء أحداث الفترة؛ الأحداث التي أوردها أكثر من مصدر",
    ),
    ("flags", "Early-warning flags", "Alertes précoces", "إنذارات مبكرة"),
    (
        "flags_note",
        "weeks with unusually many violent events or deaths against the area's own history",
        "semaines où la violence dépasse nettement l'historique de la zone",
        "أسابيع تجاوز فيها العنف بوضوح المعتاد في المنطقة نفسها",
    ),
    ("area", "Area", "Zone", "المنطقة"),
    ("week", "Week", "Semaine", "الأسبوع"),
    ("observed", "Observed", "Observé", "المرصود"),
    ("expected", "Expected", "Attendu", "المتوقع"),
    ("score", "Score", "Score", "الدرجة"),
    ("metric_events", "violent events", "événements violents", "أحداث عنف"),
    ("metric_fatalities", "fatalities", "victimes", "قتلى"),
    (
        "metric_build_up",
        "violent events, last 4 weeks",
        "événements violents, 4 dernières semaines",
        "أحداث عنف في آخر 4 أسابيع",
    ),
    ("spread", "New spread", "Nouvelle expansion", "انتشار جديد"),
    (
        "spread_note",
        "first events of a group in a district where it had none in the previous months",
        "premiers événements d'un groupe dans un cercle où il était absent les mois précédents",
        "أولى أحداث جماعة في دائرة لم تنشط فيها خلال الأشهر السابقة",
    ),
    ("control", "Control and influence indicator", "Indicateur de contrôle et d'influence", "مؤشر السيطرة والنفوذ"),
    (
        "control_note",
        "An indicator built from reported events (territory taken, bases, blockades, taxation, governance, state operations); not a map of control.",
        "Un indicateur construit à partir des événements rapportés (prises de territoire, bases, blocus, taxation, gouvernance, opérations de l'État) ; ce n'est pas une carte du contrôle.",
        "مؤشر مبني على الأحداث المبلغ عنها (السيطرة على الأراضي، القواعد، الحصار، الجباية، الحكم، عمليات الدولة)؛ وليس خريطة للسيطرة.",
    ),
    ("month", "Month", "Mois", "الشهر"),
    ("label", "Indicator", "Indicateur", "المؤشر"),
    ("areas", "Districts", "Cercles", "الدوائر"),
    ("changes", "Changes", "Changements", "التغيرات"),
    ("state_influence", "state influence", "influence de l'État", "نفوذ الدولة"),
    ("contested", "contested", "contesté", "متنازع عليها"),
    ("no_signal", "no signal", "pas de signal", "لا إشارة"),
    ("influence_of", "{} influence", "influence {}", "نفوذ {}"),
    ("notable", "Notable events", "Événements marquants", "أحداث بارزة"),
    ("highest_fatalities", "highest fatalities", "bilan le plus lourd", "الأعلى حصيلة"),
    ("new_capability", "new capability", "nouvelle capacité", "قدرة جديدة"),
    ("date", "Date", "Date", "التاريخ"),
    ("place", "Place", "Lieu", "المكان"),
    ("actors", "Actors", "Acteurs", "الأطراف"),
    ("what", "What", "Quoi", "ماذا"),
    ("weekly_chart", "Events per week by type", "Événements par semaine et par type", "الأحداث أسبوعيا حسب النوع"),
    ("fatalities_chart", "Fatalities per week", "Victimes par semaine", "القتلى أسبوعيا"),
    ("map", "Event locations", "Localisation des événements", "مواقع الأحداث"),
    ("none", "none", "aucun", "لا شيء"),
    ("type_battles", "Battles", "Batailles", "معارك"),
    ("type_vac", "Violence against civilians", "Violences contre les civils", "عنف ضد المدنيين"),
    ("type_erv", "Explosions/Remote violence", "Explosions/violence à distance", "انفجارات/عنف عن بعد"),
    ("type_protests", "Protests", "Manifestations", "احتجاجات"),
    ("type_riots", "Riots", "Émeutes", "أعمال شغب"),
    ("type_sd", "Strategic developments", "Développements stratégiques", "تطورات استراتيجية"),
    ("cap_drone_armed", "armed drone", "drone armé", "طائرة مسيرة مسلحة"),
    ("cap_drone_surveillance", "surveillance drone", "drone de surveillance", "طائرة مسيرة للاستطلاع"),
    ("cap_ied", "IED", "engin explosif improvisé", "عبوة ناسفة"),
    ("cap_vbied", "vehicle-borne IED", "véhicule piégé", "سيارة مفخخة"),
    ("cap_suicide", "suicide attack", "attentat-suicide", "هجوم انتحاري"),
    ("cap_shelling", "shelling, mortar or rockets", "tirs d'obus, mortiers ou roquettes", "قصف بقذائف أو هاون أو صواريخ"),
    ("cap_kidnapping", "kidnapping", "enlèvement", "اختطاف"),
    ("cap_kidnapping_foreigners", "kidnapping of foreigners", "enlèvement d'étrangers", "اختطاف أجانب"),
    ("cap_complex_attack_on_base", "complex attack on a base", "attaque complexe contre une base", "هجوم معقد على قاعدة"),
    ("cap_convoy_attack", "attack on a convoy or road", "attaque contre un convoi ou un axe", "هجوم على رتل أو طريق"),
];

/// The string for `key` in `lang`; the key itself when missing (a test keeps that from
/// happening).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    STRINGS
        .iter()
        .find(|r| r.0 == key)
        .map(|r| match lang {
            Lang::En => r.1,
            Lang::Fr => r.2,
            Lang::Ar => r.3,
        })
        .unwrap_or("?")
}

/// An event type's name.
pub fn event_type_name(lang: Lang, t: EventType) -> &'static str {
    tr(
        lang,
        match t {
            EventType::Battles => "type_battles",
            EventType::ViolenceAgainstCivilians => "type_vac",
            EventType::ExplosionsRemoteViolence => "type_erv",
            EventType::Protests => "type_protests",
            EventType::Riots => "type_riots",
            EventType::StrategicDevelopments => "type_sd",
        },
    )
}

/// A capability's name.
pub fn capability_name(lang: Lang, c: Capability) -> &'static str {
    let key = format!("cap_{}", c.key());
    tr(lang, &key)
}

/// A control label in words.
pub fn control_label(lang: Lang, l: &ControlLabel) -> String {
    match l {
        ControlLabel::NoSignal => tr(lang, "no_signal").to_string(),
        ControlLabel::Contested => tr(lang, "contested").to_string(),
        ControlLabel::StateInfluence => tr(lang, "state_influence").to_string(),
        ControlLabel::GroupInfluence(g) => tr(lang, "influence_of").replace("{}", g),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_three_languages_and_keys_are_unique() {
        let mut keys: Vec<&str> = STRINGS.iter().map(|r| r.0).collect();
        for r in STRINGS {
            assert!(
                !r.1.is_empty() && !r.2.is_empty() && !r.3.is_empty(),
                "{}",
                r.0
            );
        }
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate key");
        for t in EventType::ALL {
            assert_ne!(event_type_name(Lang::Ar, t), "?");
        }
        for c in Capability::ALL {
            assert_ne!(capability_name(Lang::Fr, c), "?", "{c:?}");
        }
        assert_eq!(
            control_label(Lang::Fr, &ControlLabel::GroupInfluence("JNIM".into())),
            "influence JNIM"
        );
    }
}
