//! From the cues of a sentence to one ACLED sub-event type.
//!
//! The rules follow ACLED's codebook: the most specific weapon wins (a suicide bombing is not
//! coded as an IED), violence outranks what accompanies it (an attack with looting is an
//! attack), and whether an attack is a battle or violence against civilians depends on the
//! target, which is decided later from the actors ([`Family::Violence`]).

use rasd_lexicon::Cue;
use rasd_model::SubEventType;

/// What a sentence reports, before actors refine it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// A fixed sub-event type.
    Fixed(SubEventType),
    /// Organised violence: armed clash or attack on civilians, decided by the target.
    Violence { two_sided: bool },
    /// Territory taken: non-state overtakes or government regains, decided by actor1.
    TerritoryTaken,
    /// Arrest: by the state an arrest, by an armed group an abduction.
    Arrest,
    /// Protest; intervention and excessive force decided by cues and casualties.
    Protest,
}

/// Classification of one sentence: the family and the cue that decided it (the trigger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classified {
    pub family: Family,
    pub trigger: Cue,
    /// A casualty word alone ("five dead"): an event is implied but its form is not stated.
    pub weak: bool,
    pub tag: Option<&'static str>,
}

/// Classify a sentence by the event cues it holds, in text order (modality and grammar cues
/// excluded).
pub fn classify(cues: &[Cue]) -> Option<Classified> {
    let has = |c: Cue| cues.contains(&c);
    let fixed = |s, trigger| {
        Some(Classified {
            family: Family::Fixed(s),
            trigger,
            weak: false,
            tag: None,
        })
    };
    let tagged = |s, trigger, tag| {
        Some(Classified {
            family: Family::Fixed(s),
            trigger,
            weak: false,
            tag: Some(tag),
        })
    };
    use SubEventType as S;
    let violent = has(Cue::Attack) || has(Cue::Clash) || has(Cue::Kill) || has(Cue::Neutralise);
    let protest = has(Cue::Protest);
    // "signed a peace agreement, ending months of fighting": the fighting named after the
    // agreement, with no attack or casualty, is what the agreement ends.
    let pos = |c: Cue| cues.iter().position(|&x| x == c);
    if let (Some(a), Some(f)) = (pos(Cue::Agreement), pos(Cue::Clash)) {
        let harm = [
            Cue::Attack,
            Cue::Kill,
            Cue::Dead,
            Cue::Wound,
            Cue::Neutralise,
        ]
        .iter()
        .any(|&c| has(c));
        if a < f && !harm {
            return fixed(S::Agreement, Cue::Agreement);
        }
    }
    // "A complex attack initiated by a suicide car bomb, followed by an armed assault",
    // "mortar fire and exchanges of gunfire", "supported by helicopters, the army clashed
    // with": a weapon that opens or backs a fight between armed sides is part of the battle,
    // and ACLED codes the armed clash.
    if has(Cue::Clash) {
        let weapon = [
            Cue::Suicide,
            Cue::Vbied,
            Cue::Airstrike,
            Cue::Drone,
            Cue::Shelling,
            Cue::Grenade,
        ]
        .into_iter()
        .find(|&c| has(c));
        if let Some(w) = weapon {
            return Some(Classified {
                family: Family::Violence { two_sided: true },
                trigger: Cue::Clash,
                weak: false,
                tag: Some(match w {
                    Cue::Suicide => "suicide",
                    Cue::Airstrike => "air_strike",
                    Cue::Drone => "drone",
                    Cue::Shelling => "shelling",
                    Cue::Vbied => "vbied",
                    _ => "grenade",
                }),
            });
        }
    }
    // "des unités appuyées par des vecteurs aériens ont réinvesti Mansila": forces that
    // retake a town with air support regain territory; the aircraft back them.
    if has(Cue::Retake) && (has(Cue::Airstrike) || has(Cue::Drone)) && !has(Cue::Suicide) {
        return Some(Classified {
            family: Family::TerritoryTaken,
            trigger: Cue::Retake,
            weak: false,
            tag: None,
        });
    }
    if has(Cue::Suicide) {
        return fixed(S::SuicideBomb, Cue::Suicide);
    }
    if has(Cue::Airstrike) {
        return tagged(S::AirDroneStrike, Cue::Airstrike, "air_strike");
    }
    if has(Cue::Drone) && (violent || has(Cue::Destroy) || has(Cue::Dead) || has(Cue::Wound)) {
        return tagged(S::AirDroneStrike, Cue::Drone, "drone");
    }
    if has(Cue::Vbied) {
        return tagged(S::RemoteExplosiveLandmineIed, Cue::Vbied, "vbied");
    }
    // "An ambush initiated by an IED, followed by an exchange of fire": ACLED codes the battle.
    if has(Cue::Ied) && has(Cue::Clash) {
        return Some(Classified {
            family: Family::Violence { two_sided: true },
            trigger: Cue::Clash,
            weak: false,
            tag: Some("ied"),
        });
    }
    if has(Cue::Ied) && !has(Cue::WeaponsSeized) {
        return tagged(S::RemoteExplosiveLandmineIed, Cue::Ied, "ied");
    }
    if has(Cue::Shelling) {
        return tagged(S::ShellingArtilleryMissileAttack, Cue::Shelling, "shelling");
    }
    if has(Cue::Grenade) {
        return fixed(S::Grenade, Cue::Grenade);
    }
    if has(Cue::Sexual) {
        return fixed(S::SexualViolence, Cue::Sexual);
    }
    // Protesters who burn, loot, destroy, fight or block roads are rioters.
    let rioting = has(Cue::Riot)
        || has(Cue::Burn)
        || has(Cue::Loot)
        || has(Cue::Destroy)
        || has(Cue::Clash)
        || has(Cue::Blockade);
    if protest && rioting {
        return fixed(S::ViolentDemonstration, Cue::Protest);
    }
    if protest {
        return Some(Classified {
            family: Family::Protest,
            trigger: Cue::Protest,
            weak: false,
            tag: None,
        });
    }
    if has(Cue::Riot) {
        return fixed(S::ViolentDemonstration, Cue::Riot);
    }
    if has(Cue::Mob) {
        return fixed(S::MobViolence, Cue::Mob);
    }
    if has(Cue::TakeControl) {
        return Some(Classified {
            family: Family::TerritoryTaken,
            trigger: Cue::TakeControl,
            weak: false,
            tag: None,
        });
    }
    if has(Cue::Retake) {
        return Some(Classified {
            family: Family::TerritoryTaken,
            trigger: Cue::Retake,
            weak: false,
            tag: None,
        });
    }
    if violent {
        // The first violent word in the sentence is the trigger: roles are read around it.
        let trigger = cues
            .iter()
            .copied()
            .find(|c| matches!(c, Cue::Clash | Cue::Attack | Cue::Kill | Cue::Neutralise))
            .unwrap_or(Cue::Attack);
        return Some(Classified {
            family: Family::Violence {
                two_sided: has(Cue::Clash),
            },
            trigger,
            weak: false,
            tag: None,
        });
    }
    if has(Cue::Abduct) {
        return fixed(S::AbductionForcedDisappearance, Cue::Abduct);
    }
    if has(Cue::Dead) || has(Cue::Wound) {
        let trigger = if has(Cue::Dead) {
            Cue::Dead
        } else {
            Cue::Wound
        };
        return Some(Classified {
            family: Family::Violence { two_sided: false },
            trigger,
            weak: true,
            tag: None,
        });
    }
    if has(Cue::Loot) {
        return tagged(S::LootingPropertyDestruction, Cue::Loot, "looting");
    }
    if has(Cue::Burn) {
        return tagged(S::LootingPropertyDestruction, Cue::Burn, "arson");
    }
    if has(Cue::Destroy) {
        return fixed(S::LootingPropertyDestruction, Cue::Destroy);
    }
    if has(Cue::Blockade) {
        return tagged(S::Other, Cue::Blockade, "blockade");
    }
    if has(Cue::Siege) {
        return tagged(S::Other, Cue::Siege, "siege");
    }
    // "ont conclu avec le JNIM un accord ... en échange du paiement de la zakat": the tax is a
    // term of the agreement.
    if has(Cue::Agreement) && (has(Cue::Tax) || has(Cue::Extortion)) {
        return fixed(S::Agreement, Cue::Agreement);
    }
    if has(Cue::Tax) {
        return tagged(S::Other, Cue::Tax, "taxation");
    }
    if has(Cue::Extortion) {
        return tagged(S::Other, Cue::Extortion, "extortion");
    }
    if has(Cue::Arrest) {
        return Some(Classified {
            family: Family::Arrest,
            trigger: Cue::Arrest,
            weak: false,
            tag: None,
        });
    }
    if has(Cue::WeaponsSeized) {
        return fixed(S::DisruptedWeaponsUse, Cue::WeaponsSeized);
    }
    if has(Cue::Base) {
        return tagged(S::HeadquartersOrBaseEstablished, Cue::Base, "base");
    }
    if has(Cue::Withdraw) {
        return tagged(
            S::NonViolentTransferOfTerritory,
            Cue::Withdraw,
            "withdrawal",
        );
    }
    if has(Cue::Agreement) {
        return fixed(S::Agreement, Cue::Agreement);
    }
    if has(Cue::ChangeGroup) {
        return fixed(S::ChangeToGroupActivity, Cue::ChangeGroup);
    }
    if has(Cue::Surrender) {
        return tagged(S::ChangeToGroupActivity, Cue::Surrender, "surrender");
    }
    // Armed groups threatening villagers, imposing dress codes or closing schools: ACLED's
    // "Other" strategic development, and a sign of control the analysts track.
    if has(Cue::Coercion) {
        return tagged(S::Other, Cue::Coercion, "coercion");
    }
    // ACLED files recruitment under change to group/activity.
    if has(Cue::Recruit) {
        return tagged(S::ChangeToGroupActivity, Cue::Recruit, "recruitment");
    }
    if has(Cue::Release) {
        return tagged(S::Other, Cue::Release, "release");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specific_weapons_outrank_generic_violence() {
        let c = classify(&[Cue::Attack, Cue::Kill, Cue::Suicide, Cue::Ied]).unwrap();
        assert_eq!(c.family, Family::Fixed(SubEventType::SuicideBomb));
        let c = classify(&[Cue::Kill, Cue::Ied]).unwrap();
        assert_eq!(
            c.family,
            Family::Fixed(SubEventType::RemoteExplosiveLandmineIed)
        );
        let c = classify(&[Cue::Ied, Cue::WeaponsSeized]).unwrap();
        assert_eq!(c.family, Family::Fixed(SubEventType::DisruptedWeaponsUse));
    }

    #[test]
    fn an_ied_ambush_with_an_exchange_of_fire_is_a_battle() {
        let c = classify(&[Cue::Ied, Cue::Attack, Cue::Clash]).unwrap();
        assert_eq!(c.family, Family::Violence { two_sided: true });
        assert_eq!(c.tag, Some("ied"));
    }

    #[test]
    fn violence_outranks_looting_and_abduction() {
        let c = classify(&[Cue::Loot, Cue::Attack, Cue::Abduct]).unwrap();
        assert_eq!(c.family, Family::Violence { two_sided: false });
        let c = classify(&[Cue::Loot, Cue::Burn]).unwrap();
        assert_eq!(
            c.family,
            Family::Fixed(SubEventType::LootingPropertyDestruction)
        );
    }

    #[test]
    fn drones_alone_are_no_event_with_a_strike_an_air_strike() {
        // "a caliphate that owns drones" is capability, not an event.
        assert_eq!(classify(&[Cue::Drone]), None);
        assert_eq!(
            classify(&[Cue::Drone, Cue::Kill]).unwrap().family,
            Family::Fixed(SubEventType::AirDroneStrike)
        );
    }

    #[test]
    fn casualty_words_alone_are_weak() {
        let c = classify(&[Cue::Dead]).unwrap();
        assert!(c.weak);
        assert!(classify(&[]).is_none());
    }
}
