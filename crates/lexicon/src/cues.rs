//! The cue vocabulary of `events.<lang>.tsv` (see data/lexicon/README.md).

macro_rules! cues {
    ($( $var:ident => $key:literal, )*) => {
        /// What an event, casualty or modality phrase signals.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Cue { $( $var, )* }
        impl Cue {
            pub const ALL: &'static [Cue] = &[ $( Cue::$var, )* ];
            pub fn key(self) -> &'static str { match self { $( Cue::$var => $key, )* } }
            pub fn from_key(s: &str) -> Option<Cue> { match s { $( $key => Some(Cue::$var), )* _ => None } }
        }
    };
}

cues! {
    Attack => "attack", Clash => "clash", Kill => "kill", Dead => "dead", Wound => "wound",
    Neutralise => "neutralise", Abduct => "abduct", Sexual => "sexual", Ied => "ied",
    Vbied => "vbied", Suicide => "suicide", Airstrike => "airstrike", Drone => "drone",
    Shelling => "shelling", Grenade => "grenade", Protest => "protest", Disperse => "disperse",
    Riot => "riot", Mob => "mob", Loot => "loot", Burn => "burn", Destroy => "destroy",
    Arrest => "arrest", Agreement => "agreement", Base => "base", TakeControl => "take_control",
    Retake => "retake", Withdraw => "withdraw", WeaponsSeized => "weapons_seized",
    ChangeGroup => "change_group", Blockade => "blockade", Siege => "siege", Tax => "tax",
    Extortion => "extortion", Release => "release", Surrender => "surrender",
    Recruit => "recruit", Negation => "negation", Denial => "denial",
    Hypothetical => "hypothetical", Future => "future", Threat => "threat",
    Background => "background", Hedge => "hedge", Claim => "claim",
    PassiveBy => "passive_by", OrJoin => "or_join", MilObject => "mil_object",
    CivObject => "civ_object", PassiveAux => "passive_aux", Unit => "unit",
    Attempt => "attempt", Legal => "legal", Coercion => "coercion", Mask => "mask",
    Antecedent => "antecedent",
}

impl Cue {
    /// Cues that say something about how a clause is asserted rather than what happened.
    pub fn is_modality(self) -> bool {
        matches!(
            self,
            Cue::Negation
                | Cue::Denial
                | Cue::Hypothetical
                | Cue::Future
                | Cue::Threat
                | Cue::Background
                | Cue::Hedge
                | Cue::Claim
                | Cue::Attempt
                | Cue::Legal
        )
    }

    /// Grammar cues of `roles.tsv`: they place actors in roles rather than signal an event; and
    /// masks, which signal nothing.
    pub fn is_grammar(self) -> bool {
        matches!(
            self,
            Cue::PassiveBy
                | Cue::OrJoin
                | Cue::MilObject
                | Cue::CivObject
                | Cue::PassiveAux
                | Cue::Unit
                | Cue::Mask
                | Cue::Antecedent
        )
    }

    /// Verbs of a violent act done by someone to someone: the subject before one is who did
    /// it ("soldiers arrested ...", "gunmen abducted ...").
    pub fn is_violent_act(self) -> bool {
        matches!(
            self,
            Cue::Arrest
                | Cue::Abduct
                | Cue::Attack
                | Cue::Kill
                | Cue::Wound
                | Cue::Loot
                | Cue::Burn
                | Cue::Sexual
        )
    }

    /// Casualty words that count people rather than name an event on their own.
    pub fn is_casualty(self) -> bool {
        matches!(
            self,
            Cue::Kill | Cue::Dead | Cue::Wound | Cue::Neutralise | Cue::Abduct
        )
    }
}
