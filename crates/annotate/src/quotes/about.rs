//! Who the text is about, read back from a quotation only when it asks: "he said" needs the
//! person, "it added" the body, a quotation without attribution the person an earlier
//! sentence of its paragraph named, or the speaker the paragraph before led in with.
//!
//! A sentence makes the person the text is about when it quotes someone (the quotation's
//! speaker), reports speech without quoting it ("Erekat said it was only the latest move"),
//! or names a person: the first catalogue person in it, else a named person as its subject
//! or the first person it names in full. A sentence opening with "He" or "She" names no one
//! new. Sentences are read lazily and once: most are never asked about.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use corpus::{BlockKind, EntityKind};

use super::attribution;
use super::people;
use super::phrase::SpeakerPhrase;
use super::pronouns::{self, Pronoun};
use super::speaker::{Context, Speaker, describes_person};

/// How many paragraphs back "he" or "she" may find the person the text is about.
pub(crate) const PRONOUN_REACH: usize = 2;

/// A sentence as (block, sentence) indices.
type At = (usize, usize);

/// What one sentence tells about who the text is about.
#[derive(Debug, Clone, Default)]
struct About {
    /// The person the text is about after it.
    person: Option<Speaker>,
    /// A person it reports or names as its subject while quoting nothing.
    subject: Option<Speaker>,
    /// Who it reports speaking, when it quotes nothing.
    reported: Option<Speaker>,
    /// The body or group it makes the text about, for "it" and "they".
    thing: Option<Speaker>,
    /// The people it names or quotes, most salient first: whom it quotes, whom it reports,
    /// its subject, then the rest in the order it names them.
    people: Vec<Speaker>,
    /// How many of `people` it quotes or reports; the rest it names otherwise.
    speaking: usize,
    /// The pronoun that is its subject ("He struggled to …"), which names no one new.
    subject_pronoun: Option<Pronoun>,
    /// The people it names before that pronoun, whom the pronoun may stand for ("Although
    /// Ford had outlined the book, he struggled").
    antecedents: Vec<Speaker>,
}

/// The sentences read so far: the speakers their quotations were given, and, once asked,
/// what each tells.
#[derive(Default)]
pub(crate) struct Topics {
    attributed: HashMap<At, Speaker>,
    quoted: HashSet<At>,
    read: HashMap<At, About>,
}

impl Topics {
    /// Notes that a quotation starts in sentence `at`.
    pub(crate) fn quoted(&mut self, at: At) {
        self.quoted.insert(at);
    }

    /// Notes the speaker a quotation ending in sentence `at` was given.
    pub(crate) fn attributed(&mut self, at: At, speaker: Speaker) {
        self.attributed.insert(at, speaker);
    }

    /// The person the text is about just before sentence `at`.
    pub(crate) fn current(&mut self, context: &mut Context, at: At) -> Option<Speaker> {
        before(context, at).into_iter().find_map(|x| self.about(context, x).person)
    }

    /// The person "he" or "she" (`pronoun`) in sentence `at` stands for: the nearest person
    /// named before it whom the source calls so, looking first at whom each sentence quotes,
    /// reports and makes its subject. A sentence whose subject is the same pronoun is about
    /// the same person, so the people it names otherwise are passed over ("She gave me the
    /// address of Ford's sister, Martha Fry."). Someone whose pronoun the source never tells
    /// is taken when no one nearer is known to be called so.
    /// With no pronoun (`None`), a description referring back ("the 56-year-old") stands
    /// for the nearest person named.
    pub(crate) fn person_for(&mut self, context: &mut Context, at: At, pronoun: Option<Pronoun>) -> Option<Speaker> {
        for x in before(context, at) {
            let about = self.about(context, x);
            let chained = pronoun.is_some() && about.subject_pronoun == pronoun;
            let people: Vec<&Speaker> = if chained {
                about.people[..about.speaking].iter().chain(&about.antecedents).collect()
            } else {
                about.people.iter().collect()
            };
            for person in people {
                let Some(pronoun) = pronoun else {
                    if person.entity.is_some() || person.named.is_some() {
                        return Some(person.clone());
                    }
                    continue;
                };
                match context.pronoun_of(person) {
                    Some(p) if p == pronoun => return Some(person.clone()),
                    None => return Some(person.clone()),
                    _ => {}
                }
            }
        }
        None
    }

    /// The body or group the text is about just before sentence `at`.
    pub(crate) fn thing(&mut self, context: &mut Context, at: At) -> Option<Speaker> {
        before(context, at).into_iter().find_map(|x| self.about(context, x).thing)
    }

    /// The person an earlier sentence of the paragraph of `at` reports or names as its
    /// subject ("Aderholt returned to the issue. “What …?”").
    pub(crate) fn paragraph_subject(&mut self, context: &mut Context, (b, si): At) -> Option<Speaker> {
        (0..si).rev().find_map(|x| self.about(context, (b, x)).subject)
    }

    /// Who the sentence just before `at`, in its paragraph, reports speaking without quoting
    /// them ("…, Howitt says. Just because scientists became aware of “…”").
    pub(crate) fn reported_before(&mut self, context: &mut Context, (b, si): At) -> Option<Speaker> {
        let previous = si.checked_sub(1)?;
        self.about(context, (b, previous)).reported
    }

    /// The speaker paragraph `b`, quoting nothing, leads in to the next with: its closing
    /// colon's ("Nadler put it this way:") or the speech its last sentence reports.
    pub(crate) fn lead_in(&mut self, context: &mut Context, b: usize) -> Option<Speaker> {
        let corpus = context.corpus;
        let block = &corpus.sources[context.source].blocks[b];
        let last = block.sentences.len().checked_sub(1)?;
        let sentence = block.sentences[last].clone();
        if block.text[sentence.clone()].trim_end().ends_with(':') {
            let reading = context.readings.block(b);
            let end = block.text.len()..block.text.len();
            let language = context.language.clone();
            let found = attribution::speaker(reading, sentence, end, &context.block_mentions(b), &language);
            if let Some(found) = found {
                let (current, thing) = (self.current(context, (b, last + 1)), self.thing(context, (b, last + 1)));
                let speaker = context.speaker(found, &current, &thing);
                if speaker.known() {
                    return Some(speaker);
                }
            }
        }
        self.about(context, (b, last)).reported
    }

    /// What sentence `at` tells, read once.
    fn about(&mut self, context: &mut Context, at: At) -> About {
        if let Some(known) = self.read.get(&at) {
            return known.clone();
        }
        let about = self.read_sentence(context, at);
        self.read.insert(at, about.clone());
        about
    }

    fn read_sentence(&self, context: &mut Context, (b, si): At) -> About {
        let (corpus, readings) = (context.corpus, context.readings);
        let block = &corpus.sources[context.source].blocks[b];
        let sentence = block.sentences[si].clone();
        let reading = readings.block(b);
        let mentions = context.block_mentions(b);
        let attributed = self.attributed.get(&(b, si)).cloned();
        let quoting = readings.spans(b).iter().any(|q| q.outer.start < sentence.end && sentence.start < q.outer.end);
        let subject = attribution::subject_of(reading, sentence.clone(), &mentions);
        let subject_phrase = subject.clone();
        let attributed_person = attributed.clone();
        // Speech reported without quotation marks; a pronoun brings in no one new.
        let language = context.language.clone();
        let reported = (!self.quoted.contains(&(b, si)))
            .then(|| attribution::reported(reading, sentence.clone(), &mentions, &language))
            .flatten()
            .filter(|found| !matches!(found, SpeakerPhrase::Pronoun(_)));
        let reported_body = match &reported {
            Some(SpeakerPhrase::Text(words)) => Some(Speaker { entity: None, text: Some(words.clone()), named: None }),
            _ => None,
        };
        let reporter = reported
            .map(|found| context.mentioned(found).continued())
            .filter(|r| r.entity.is_some() || r.named.is_some());
        // The body or group for "it" and "they": a described speaker or reporter ("…, the
        // Swedish Prosecution Authority said"), else a described subject, else a name with no
        // common first name ("Big Machine have twice denied it").
        // A named reporter may be "they" too ("Kym Lino … confirmed … “…,” they said").
        let reported_thing = reported_body.or_else(|| reporter.clone().filter(|r| r.named.is_some()));
        let thing =
            attributed.clone().filter(|a| a.entity.is_none() && a.named.is_none()).or(reported_thing).or_else(|| {
                match &subject {
                    Some(SpeakerPhrase::Text(words)) => {
                        Some(Speaker { entity: None, text: Some(words.clone()), named: None })
                    }
                    Some(SpeakerPhrase::Named(named, words))
                        if named.name.contains(' ')
                            && named.name.split_whitespace().next().and_then(pronouns::of_first_name).is_none() =>
                    {
                        Some(Speaker { entity: None, text: Some(words.clone()), named: Some(named.clone()) })
                    }
                    _ => None,
                }
            });
        let starts_with_pronoun =
            block.text[sentence.clone()].split_whitespace().next().is_some_and(|w| matches!(w, "He" | "She"));
        let sentence_people: Vec<(Range<usize>, usize)> = mentions
            .iter()
            .filter(|(r, e)| {
                sentence.start <= r.start && r.end <= sentence.end && corpus.entities[*e].kind == EntityKind::Person
            })
            .cloned()
            .collect();
        let first_person = sentence_people.iter().min_by_key(|(r, _)| r.start).map(|&(_, e)| Speaker {
            entity: Some(e),
            text: None,
            named: None,
        });
        // A person as the subject, or the first the sentence names in full; a one-word
        // subject may be a team or a firm ("Wild", "Pepsi"), so only a full name or a title counts.
        let named_subject = || {
            let named = match subject {
                Some(SpeakerPhrase::Named(named, _)) => Some(named),
                _ => people::first_named(reading, sentence.clone(), context.spoken()),
            }?;
            let speaker = context.mentioned(SpeakerPhrase::Named(named, String::new())).continued();
            speaker
                .named
                .as_ref()
                .is_some_and(|n| n.name.contains(char::is_whitespace) || n.title.is_some())
                .then_some(speaker)
        };
        let (person, subject) = if let Some(a) = attributed {
            (Some(a), reporter.clone())
        } else if reporter.is_some() {
            (reporter.clone(), reporter.clone())
        } else if starts_with_pronoun {
            (None, None)
        } else if first_person.is_some() {
            (first_person, None)
        } else {
            let named = named_subject();
            (named.clone(), named.filter(|_| !quoting))
        };
        let subject_pronoun = match &subject_phrase {
            Some(SpeakerPhrase::Pronoun(words)) => Pronoun::of(words),
            _ => None,
        }
        .or_else(|| {
            block.text[sentence.clone()].split_whitespace().next().and_then(Pronoun::of).filter(|_| starts_with_pronoun)
        });
        let mut people: Vec<Speaker> = Vec::new();
        if let Some(a) = &attributed_person {
            add(&mut people, a.clone());
        }
        if let Some(r) = &reporter {
            add(&mut people, r.clone());
        }
        let speaking = people.len();
        match subject_phrase {
            Some(SpeakerPhrase::Entity(e, _)) => add(&mut people, Speaker { entity: Some(e), text: None, named: None }),
            Some(found @ SpeakerPhrase::Named(..)) => {
                // A one-word subject the source never gives in full may be a team or a firm.
                let named = context.mentioned(found);
                if named.named.as_ref().is_some_and(|n| n.name.contains(char::is_whitespace) || n.title.is_some()) {
                    add(&mut people, named);
                }
            }
            _ => {}
        }
        if let Some(p) = &person {
            add(&mut people, p.clone());
        }
        // Where the subject pronoun stands: the first word that is that pronoun.
        let pronoun_at = subject_pronoun.and_then(|p| {
            let words = reading.words(sentence.clone());
            words.iter().find(|w| Pronoun::of(&block.text[(*w).clone()]) == Some(p)).map(|w| w.start)
        });
        let mut named: Vec<(usize, Speaker)> = sentence_people
            .iter()
            .map(|(r, e)| (r.start, Speaker { entity: Some(*e), text: None, named: None }))
            .collect();
        for (at, n) in context.named_in(b, sentence.clone()) {
            named.push((at, Speaker { entity: None, text: None, named: Some(n) }));
        }
        let mut antecedents: Vec<Speaker> = Vec::new();
        for (at, speaker) in named {
            if pronoun_at.is_some_and(|p| at < p) {
                add(&mut antecedents, speaker.clone());
            }
            add(&mut people, speaker);
        }
        About { person, subject, reported: reporter, thing, people, speaking, subject_pronoun, antecedents }
    }
}

/// Adds a person to `people` unless unknown or there already.
fn add(people: &mut Vec<Speaker>, person: Speaker) {
    let name = |s: &Speaker| s.named.as_ref().map(|n| n.name.clone());
    let described = person.text.as_deref().is_some_and(describes_person);
    let known = person.entity.is_some() || person.named.is_some() || described;
    if known && !people.iter().any(|p| p.entity == person.entity && name(p) == name(&person)) {
        people.push(if described && person.named.is_none() && person.entity.is_none() {
            person
        } else {
            person.continued()
        });
    }
}

/// The sentences before `at`, nearest first, back [`PRONOUN_REACH`] paragraphs.
fn before(context: &Context, (b, si): At) -> Vec<At> {
    let blocks = &context.corpus.sources[context.source].blocks;
    let mut out: Vec<At> = (0..si.min(blocks[b].sentences.len())).rev().map(|x| (b, x)).collect();
    let earlier = (0..b).rev().filter(|&p| blocks[p].kind == BlockKind::Paragraph).take(PRONOUN_REACH);
    for p in earlier {
        out.extend((0..blocks[p].sentences.len()).rev().map(|x| (p, x)));
    }
    out
}
