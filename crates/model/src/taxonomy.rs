//! The ACLED event taxonomy: 6 event types and 25 sub-event types, with their exact strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The six ACLED event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Battles,
    ViolenceAgainstCivilians,
    ExplosionsRemoteViolence,
    Protests,
    Riots,
    StrategicDevelopments,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::ViolenceAgainstCivilians,
        EventType::ExplosionsRemoteViolence,
        EventType::Protests,
        EventType::Riots,
        EventType::StrategicDevelopments,
    ];

    /// The exact ACLED string.
    pub fn as_acled(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    pub fn from_acled(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_acled().eq_ignore_ascii_case(s.trim()))
    }

    /// Political violence in ACLED's sense (the types used for the GSR "ASSAULT" class).
    pub fn is_violent(self) -> bool {
        matches!(
            self,
            EventType::Battles
                | EventType::ViolenceAgainstCivilians
                | EventType::ExplosionsRemoteViolence
        )
    }
}

macro_rules! sub_events {
    ($( $var:ident => $s:literal, $t:ident; )*) => {
        /// The 25 ACLED sub-event types.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SubEventType { $( $var, )* }

        impl SubEventType {
            pub const ALL: &'static [SubEventType] = &[ $( SubEventType::$var, )* ];

            /// The exact ACLED string.
            pub fn as_acled(self) -> &'static str {
                match self { $( SubEventType::$var => $s, )* }
            }

            /// The event type this sub-event type belongs to.
            pub fn event_type(self) -> EventType {
                match self { $( SubEventType::$var => EventType::$t, )* }
            }

            /// The Rust-side key used in lexicon files (`armed_clash`, `air_drone_strike`, ...).
            pub fn key(self) -> String {
                let mut out = String::new();
                for (i, c) in stringify_var(self).chars().enumerate() {
                    if c.is_ascii_uppercase() && i > 0 { out.push('_'); }
                    out.push(c.to_ascii_lowercase());
                }
                out
            }
        }

        fn stringify_var(s: SubEventType) -> &'static str {
            match s { $( SubEventType::$var => stringify!($var), )* }
        }
    };
}

sub_events! {
    GovernmentRegainsTerritory => "Government regains territory", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", Battles;
    ArmedClash => "Armed clash", Battles;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", Protests;
    ProtestWithIntervention => "Protest with intervention", Protests;
    PeacefulProtest => "Peaceful protest", Protests;
    ViolentDemonstration => "Violent demonstration", Riots;
    MobViolence => "Mob violence", Riots;
    ChemicalWeapon => "Chemical weapon", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", ExplosionsRemoteViolence;
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack", ExplosionsRemoteViolence;
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED", ExplosionsRemoteViolence;
    Grenade => "Grenade", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", ViolenceAgainstCivilians;
    Attack => "Attack", ViolenceAgainstCivilians;
    AbductionForcedDisappearance => "Abduction/forced disappearance", ViolenceAgainstCivilians;
    Agreement => "Agreement", StrategicDevelopments;
    Arrests => "Arrests", StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", StrategicDevelopments;
    Other => "Other", StrategicDevelopments;
}

impl SubEventType {
    pub fn from_acled(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.as_acled().eq_ignore_ascii_case(s))
    }

    /// Parse the snake_case key used in lexicon files.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.key() == key)
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_acled())
    }
}
impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EventType::from_acled(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown ACLED event type {s:?}")))
    }
}
impl Serialize for SubEventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_acled())
    }
}
impl<'de> Deserialize<'de> for SubEventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SubEventType::from_acled(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown ACLED sub-event type {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_has_6_types_and_25_sub_types_each_with_a_parent() {
        assert_eq!(EventType::ALL.len(), 6);
        assert_eq!(SubEventType::ALL.len(), 25);
        for t in EventType::ALL {
            assert!(
                SubEventType::ALL.iter().any(|s| s.event_type() == t),
                "{t:?} has no sub-type"
            );
        }
    }

    #[test]
    fn strings_and_keys_round_trip() {
        for &s in SubEventType::ALL {
            assert_eq!(SubEventType::from_acled(s.as_acled()), Some(s));
            assert_eq!(SubEventType::from_key(&s.key()), Some(s));
        }
        assert_eq!(
            SubEventType::RemoteExplosiveLandmineIed.key(),
            "remote_explosive_landmine_ied"
        );
        assert_eq!(SubEventType::from_acled("no such thing"), None);
    }
}
