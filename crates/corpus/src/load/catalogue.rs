//! The entity catalogue (`entities.yaml`): loading and validation.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::errors::Errors;
use super::fields::{is_slug, refuse_control_characters, require_text};
use super::read::read_yaml;
use crate::{Entity, EntityKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    id: Spanned<String>,
    name: Spanned<String>,
    kind: EntityKind,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    aliases_any_case: Vec<Spanned<String>>,
    #[serde(default)]
    stands_for: Option<Spanned<String>>,
    #[serde(default)]
    description: Option<Spanned<String>>,
    #[serde(default)]
    wikidata: Option<Spanned<String>>,
}

/// Who claimed a name first: entity index, entity id, line.
type Claims = HashMap<String, (usize, String, u64)>;

/// Checks and records one name or alias; returns its trimmed text when it may be used.
fn claim<'a>(
    claims: &mut Claims,
    errors: &mut Errors,
    path: &Path,
    (index, id): (usize, &str),
    alias: &'a Spanned<String>,
    field: &str,
    key: String,
) -> Option<&'a str> {
    let text = alias.value.trim();
    if text.is_empty() {
        errors.at(path, alias, field, "an alias must not be empty");
        return None;
    }
    match claims.get(&key) {
        Some((owner, _, _)) if *owner == index => {}
        Some((_, owner, line)) => {
            let message = format!("{text:?} is already a name or alias of entity {owner:?} (line {line})");
            errors.at(path, alias, field, message);
            return None;
        }
        None => {
            claims.insert(key, (index, id.to_string(), alias.referenced.line()));
        }
    }
    Some(text)
}

fn check_id(file: &EntityFile, ids: &mut HashMap<String, u64>, errors: &mut Errors, path: &Path, field: &str) {
    let id = &file.id.value;
    if !is_slug(id) {
        errors.at(path, &file.id, field, format!("{id:?} is not a valid id: use lower-case letters, digits, - and _"));
    } else if let Some(line) = ids.get(id) {
        errors.at(path, &file.id, field, format!("duplicate entity id {id:?} (first defined on line {line})"));
    } else {
        ids.insert(id.clone(), file.id.referenced.line());
    }
}

/// Loads `entities.yaml`, adding every problem to `errors`.
pub(crate) fn load_entities(path: &Path, errors: &mut Errors) -> Vec<Entity> {
    let Some(files) = read_yaml::<Vec<EntityFile>>(path, errors) else {
        return Vec::new();
    };
    let mut ids: HashMap<String, u64> = HashMap::new();
    let mut claims = Claims::new();
    // Any-case aliases claim their lower-case form too, so "ISIS" any-case collides with
    // another entity's "Isis".
    let mut folded_claims = Claims::new();
    let mut entities = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let field = |name: &str| format!("[{i}].{name}");
        check_id(file, &mut ids, errors, path, &field("id"));
        let owner = (i, file.id.value.as_str());
        require_text(errors, path, &file.name, &field("name"));
        if !file.name.value.trim().is_empty() {
            claim(&mut claims, errors, path, owner, &file.name, &field("name"), file.name.value.trim().to_string());
            folded_claims.entry(file.name.value.trim().to_lowercase()).or_insert((
                i,
                owner.1.to_string(),
                file.name.referenced.line(),
            ));
        }
        let mut aliases: Vec<String> = Vec::new();
        for alias in &file.aliases {
            if let Some(text) =
                claim(&mut claims, errors, path, owner, alias, &field("aliases"), alias.value.trim().to_string())
            {
                folded_claims.entry(text.to_lowercase()).or_insert((i, owner.1.to_string(), alias.referenced.line()));
                if !aliases.iter().any(|a| a == text) {
                    aliases.push(text.to_string());
                }
            }
        }
        let mut any_case: Vec<String> = Vec::new();
        for alias in &file.aliases_any_case {
            let key = alias.value.trim().to_lowercase();
            if let Some(text) = claim(&mut folded_claims, errors, path, owner, alias, &field("aliases_any_case"), key) {
                if !text.is_ascii() {
                    errors.at(path, alias, &field("aliases_any_case"), "any-case matching folds ASCII letters only: list the other spellings of a non-ASCII name as aliases");
                } else if !any_case.iter().any(|a| a == text) {
                    any_case.push(text.to_string());
                }
            }
        }
        for alias in &file.aliases {
            refuse_control_characters(errors, path, alias, &field("aliases"));
        }
        for alias in &file.aliases_any_case {
            refuse_control_characters(errors, path, alias, &field("aliases_any_case"));
        }
        if let Some(description) = &file.description {
            refuse_control_characters(errors, path, description, &field("description"));
        }
        if let Some(qid) = &file.wikidata {
            let valid = qid
                .value
                .strip_prefix('Q')
                .is_some_and(|n| !n.is_empty() && !n.starts_with('0') && n.chars().all(|c| c.is_ascii_digit()));
            if !valid {
                errors.at(path, qid, &field("wikidata"), format!("{:?} is not a Wikidata id such as Q7747", qid.value));
            }
        }
        entities.push(Entity {
            id: file.id.value.clone(),
            name: file.name.value.trim().to_string(),
            kind: file.kind,
            aliases,
            aliases_any_case: any_case,
            stands_for: None,
            description: file.description.as_ref().map(|d| d.value.clone()).filter(|d| !d.trim().is_empty()),
            wikidata: file.wikidata.as_ref().map(|q| q.value.clone()),
        });
    }
    // `stands_for` names another entity of the catalogue: resolved once all ids are known.
    for (i, file) in files.iter().enumerate() {
        let Some(target) = &file.stands_for else {
            continue;
        };
        let field = format!("[{i}].stands_for");
        match entities.iter().position(|e| e.id == target.value) {
            Some(t) if t == i => errors.at(path, target, &field, "an entity cannot stand for itself"),
            Some(t) => entities[i].stands_for = Some(t),
            None => errors.at(path, target, &field, format!("no entity has the id {:?}", target.value)),
        }
    }
    entities
}
