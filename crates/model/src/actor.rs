//! Actor types (ACLED `inter` codes) and actor families for comparison.

use serde::{Deserialize, Serialize};

/// ACLED actor-type ("inter") codes, 1-8.
pub type Inter = u8;

/// What kind of actor a lexicon entry is; it fixes the ACLED inter code and drives coding rules
/// (an attack on civilians is violence against civilians, on an armed actor a battle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// State forces: army, police, gendarmerie, national guard (inter 1).
    State,
    /// Rebel and jihadist groups with national ambitions (inter 2).
    Rebel,
    /// Political militias, including unidentified armed groups (inter 3).
    PoliticalMilitia,
    /// Identity (ethnic, communal, self-defence) militias (inter 4).
    IdentityMilitia,
    /// Rioters (inter 5).
    Rioters,
    /// Protesters (inter 6).
    Protesters,
    /// Civilians (inter 7).
    Civilians,
    /// External or other forces: foreign contractors, UN missions, private security (inter 8).
    External,
}

impl ActorKind {
    pub fn inter(self) -> Inter {
        match self {
            ActorKind::State => 1,
            ActorKind::Rebel => 2,
            ActorKind::PoliticalMilitia => 3,
            ActorKind::IdentityMilitia => 4,
            ActorKind::Rioters => 5,
            ActorKind::Protesters => 6,
            ActorKind::Civilians => 7,
            ActorKind::External => 8,
        }
    }

    /// Organised and armed: a clash with such an actor is a battle.
    pub fn is_armed(self) -> bool {
        matches!(
            self,
            ActorKind::State
                | ActorKind::Rebel
                | ActorKind::PoliticalMilitia
                | ActorKind::IdentityMilitia
                | ActorKind::External
        )
    }
}

/// The family of an ACLED actor name, for comparing coder output with a reference: the dated
/// period and the unit suffix are dropped ("Military Forces of Mali (2013-) Gendarmerie" and
/// "Military Forces of Mali (2012-2013)" are one family), the country in parentheses is kept
/// ("Civilians (Mali)" differs from "Civilians (Niger)"). Comparison is case-insensitive.
pub fn actor_family(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name.trim();
    while let Some(open) = rest.find('(') {
        let Some(close_rel) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close_rel];
        if inner.chars().any(|c| c.is_ascii_digit()) {
            // A dated period: keep what precedes it, drop it and any unit suffix after it.
            out.push_str(&rest[..open]);
            rest = "";
            break;
        }
        out.push_str(&rest[..open + close_rel + 1]);
        rest = &rest[open + close_rel + 1..];
    }
    out.push_str(rest);
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_drops_periods_and_units_but_keeps_countries() {
        assert_eq!(
            actor_family("Police Forces of Burkina Faso (2015-) Gendarmerie"),
            "police forces of burkina faso"
        );
        assert_eq!(
            actor_family("Military Forces of Mali (2012-2013)"),
            actor_family("Military Forces of Mali (2013-)")
        );
        assert_eq!(actor_family("Civilians (Mali)"), "civilians (mali)");
        assert_ne!(
            actor_family("Civilians (Mali)"),
            actor_family("Civilians (Niger)")
        );
        assert_eq!(
            actor_family("Islamic State (Greater Sahara)"),
            "islamic state (greater sahara)"
        );
    }

    #[test]
    fn inter_codes_cover_one_to_eight() {
        let kinds = [
            ActorKind::State,
            ActorKind::Rebel,
            ActorKind::PoliticalMilitia,
            ActorKind::IdentityMilitia,
            ActorKind::Rioters,
            ActorKind::Protesters,
            ActorKind::Civilians,
            ActorKind::External,
        ];
        let codes: Vec<u8> = kinds.iter().map(|k| k.inter()).collect();
        assert_eq!(codes, (1..=8).collect::<Vec<u8>>());
    }
}
