//! Actor entries from `actors.toml` and how they become ACLED names.

use chrono::NaiveDate;
use rasd_model::{ActorKind, Inter};
use serde::Deserialize;

/// Index of an [`ActorEntry`] in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// A dated ACLED name: ACLED renames state forces with each regime ("Military Forces of Mali
/// (2012-2013)"), and folds some groups into others from a date (Katiba Macina into JNIM).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Period {
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    pub name: String,
}

/// One named actor.
#[derive(Debug, Clone, Deserialize)]
pub struct ActorEntry {
    pub id: String,
    /// ACLED name when no period applies (the current form).
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub role: String,
    /// Where a transnational group mostly operates: a weak country hint, never part of a name.
    #[serde(default)]
    pub home: String,
    /// Admin1 areas where the group is mostly active, as `ISO2:Name` in the gazetteer's
    /// spelling ("ML:Mopti", "BF:Sahel"): a weak hint for choosing among namesake villages.
    #[serde(default)]
    pub areas: Vec<String>,
    /// A militia that fights beside the state's forces (Burkina Faso's VDP, Nigeria's
    /// Civilian JTF): never their opponent in a report that names both.
    #[serde(default)]
    pub pro_government: bool,
    #[serde(default)]
    pub periods: Vec<Period>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub ar: Vec<String>,
}

impl ActorEntry {
    /// The ACLED name in force on `date` (the current name when the date is unknown).
    pub fn name_on(&self, date: Option<NaiveDate>) -> &str {
        if let Some(d) = date {
            for p in &self.periods {
                let after = p.from.is_none_or(|f| d >= f);
                let before = p.to.is_none_or(|t| d <= t);
                if after && before {
                    return &p.name;
                }
            }
        }
        &self.name
    }

    pub fn country(&self) -> Option<&str> {
        (!self.country.is_empty()).then_some(self.country.as_str())
    }

    /// The country the actor implies for a document: its own, else where it operates.
    pub fn country_hint(&self) -> Option<&str> {
        self.country()
            .or((!self.home.is_empty()).then_some(self.home.as_str()))
    }
}

/// Role nouns without a nationality ("soldiers", "gunmen", "villagers"), bound to the country of
/// the document when coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GenericRole {
    Military,
    Police,
    Gendarmerie,
    NationalGuard,
    Government,
    Civilians,
    Unidentified,
    Militants,
    Protesters,
    Rioters,
    CommunalMilitia,
    /// "The group", "التنظيم": refers back to the last named armed group of the document.
    GroupAnaphor,
}

impl GenericRole {
    pub fn kind(self) -> ActorKind {
        match self {
            GenericRole::Military
            | GenericRole::Police
            | GenericRole::Gendarmerie
            | GenericRole::NationalGuard
            | GenericRole::Government => ActorKind::State,
            GenericRole::Civilians => ActorKind::Civilians,
            GenericRole::Unidentified | GenericRole::Militants => ActorKind::PoliticalMilitia,
            GenericRole::Protesters => ActorKind::Protesters,
            GenericRole::Rioters => ActorKind::Rioters,
            GenericRole::CommunalMilitia => ActorKind::IdentityMilitia,
            GenericRole::GroupAnaphor => ActorKind::Rebel,
        }
    }

    /// The `role` value of state entries in actors.toml that this generic binds to.
    pub fn state_role(self) -> Option<&'static str> {
        match self {
            GenericRole::Military => Some("military"),
            GenericRole::Police => Some("police"),
            GenericRole::Gendarmerie => Some("gendarmerie"),
            GenericRole::NationalGuard => Some("national_guard"),
            GenericRole::Government => Some("government"),
            _ => None,
        }
    }

    /// The role's ACLED family name when the country is unknown ("Unidentified Armed Group",
    /// "Civilians"): a state role has none, since "Military Forces" of no country names no one.
    pub fn family(self) -> Option<&'static str> {
        match self {
            GenericRole::Military
            | GenericRole::NationalGuard
            | GenericRole::Police
            | GenericRole::Gendarmerie
            | GenericRole::Government => None,
            GenericRole::Civilians => Some("Civilians"),
            GenericRole::Unidentified | GenericRole::Militants | GenericRole::GroupAnaphor => {
                Some("Unidentified Armed Group")
            }
            GenericRole::Protesters => Some("Protesters"),
            GenericRole::Rioters => Some("Rioters"),
            GenericRole::CommunalMilitia => Some("Unidentified Communal Militia"),
        }
    }

    /// ACLED's naming pattern for the role in `country` when no entry names it.
    pub fn template(self, country: &str) -> String {
        match self {
            GenericRole::Military | GenericRole::NationalGuard => {
                format!("Military Forces of {country}")
            }
            GenericRole::Police | GenericRole::Gendarmerie => format!("Police Forces of {country}"),
            GenericRole::Government => format!("Government of {country}"),
            GenericRole::Civilians => format!("Civilians ({country})"),
            GenericRole::Unidentified | GenericRole::Militants | GenericRole::GroupAnaphor => {
                format!("Unidentified Armed Group ({country})")
            }
            GenericRole::Protesters => format!("Protesters ({country})"),
            GenericRole::Rioters => format!("Rioters ({country})"),
            GenericRole::CommunalMilitia => format!("Unidentified Communal Militia ({country})"),
        }
    }
}

/// An actor as it goes into an event: ACLED name and inter code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedActor {
    pub name: String,
    pub inter: Inter,
    pub kind: ActorKind,
    pub country: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct GenericEntry {
    pub role: GenericRole,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub ar: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ActorFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
    #[serde(default)]
    pub generic: Vec<GenericEntry>,
}
