//! briefing.json against its JSON Schema (`docs/briefing.schema.json`, draft 2020-12), and
//! what a schema cannot say: every slug names a source, every paragraph exists, every offset
//! and wording index points where it says.
//!
//! The schema is read by the small validator below, which knows the keywords the schema uses
//! and refuses any other, so the schema cannot grow a rule that nothing checks. (The
//! `jsonschema` crate would check the same, but brings about a hundred crates to build.)

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

mod common;
use common::repo;

/// The seed site, built once.
fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, output) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let options = sitegen::BuildOptions {
            content: repo().join("content"),
            output: output.clone(),
            theme: None,
            verbose: false,
        };
        sitegen::build(&options).unwrap_or_else(|e| panic!("build failed: {e}"));
        (dir, output)
    });
    output
}

fn load(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema() -> Value {
    load(&repo().join("docs/briefing.schema.json"))
}

/// Keywords that only describe, never constrain (`format` is an annotation in 2020-12).
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$defs", "title", "description", "format"];

/// Checks `value` against `schema` (a subschema of `root`), pushing each failure, located by
/// its JSON pointer, onto `errors`.
fn validate(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = schema.as_object().expect("a schema is an object");
    for (keyword, rule) in schema {
        let mut fail = |message: String| errors.push(format!("{at}: {message}"));
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => {
                let name = rule.as_str().unwrap().strip_prefix("#/$defs/").expect("a local reference");
                validate(root, &root["$defs"][name], value, at, errors);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    list => list.as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect(),
                };
                let is = |t: &str| match t {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    "number" => value.is_number(),
                    "integer" => value.is_u64() || value.is_i64(),
                    other => panic!("unknown type {other}"),
                };
                if !types.iter().any(|t| is(t)) {
                    fail(format!("{value} is not of type {types:?}"));
                }
            }
            "const" if value != rule => fail(format!("{value} is not {rule}")),
            "enum" if !rule.as_array().unwrap().contains(value) => fail(format!("{value} is not one of {rule}")),
            "const" | "enum" => {}
            "required" => {
                for name in rule.as_array().unwrap() {
                    if value.as_object().is_some_and(|o| !o.contains_key(name.as_str().unwrap())) {
                        fail(format!("lacks {name}"));
                    }
                }
            }
            "properties" => {
                for (name, value) in value.as_object().into_iter().flatten() {
                    if let Some(sub) = rule.get(name) {
                        validate(root, sub, value, &format!("{at}/{name}"), errors);
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(rule, &Value::Bool(false), "only `additionalProperties: false` is known");
                let known = schema.get("properties").and_then(Value::as_object);
                for name in value.as_object().into_iter().flatten().map(|(name, _)| name) {
                    if !known.is_some_and(|k| k.contains_key(name)) {
                        fail(format!("has an unknown field {name:?}"));
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    validate(root, rule, item, &format!("{at}/{i}"), errors);
                }
            }
            "minItems" if value.as_array().is_some_and(|a| (a.len() as u64) < rule.as_u64().unwrap()) => {
                fail(format!("has fewer than {rule} items"))
            }
            "minLength" if value.as_str().is_some_and(|s| (s.chars().count() as u64) < rule.as_u64().unwrap()) => {
                fail(format!("is shorter than {rule}"))
            }
            "minimum" if value.as_f64().is_some_and(|n| n < rule.as_f64().unwrap()) => fail(format!("is below {rule}")),
            "maximum" if value.as_f64().is_some_and(|n| n > rule.as_f64().unwrap()) => fail(format!("is above {rule}")),
            "minItems" | "minLength" | "minimum" | "maximum" => {}
            other => panic!("the schema uses {other:?}, which this validator does not know: teach it"),
        }
    }
}

fn errors_of(value: &Value) -> Vec<String> {
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, value, "", &mut errors);
    errors
}

#[test]
fn the_seed_export_matches_its_schema() {
    let errors = errors_of(&load(&site().join("briefing.json")));
    assert!(errors.is_empty(), "{} error(s):\n{}", errors.len(), errors.join("\n"));
}

/// The validator is no rubber stamp: each kind of mistake is caught, where it is.
#[test]
fn the_schema_refuses_what_v2_is_not() {
    let good = load(&site().join("briefing.json"));
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut data = good.clone();
        change(&mut data);
        errors_of(&data)
    };
    let v1 = broken(&|d| {
        d["schema_version"] = 1.into();
        d["reuse"] = d["clusters"].take();
        d.as_object_mut().unwrap().remove("clusters");
    });
    assert!(v1.iter().any(|e| e.starts_with("/schema_version: 1 is not 2")), "{v1:?}");
    assert!(v1.iter().any(|e| e == ": lacks \"clusters\""), "{v1:?}");
    assert!(v1.iter().any(|e| e == ": has an unknown field \"reuse\""), "{v1:?}");
    let kind = broken(&|d| d["clusters"][0]["members"][1]["kind"] = "copy".into());
    assert_eq!(kind, ["/clusters/0/members/1/kind: \"copy\" is not one of [\"verbatim\",\"near\",\"quote\"]"]);
    let score = broken(&|d| d["clusters"][0]["members"][0]["score"] = 1.5.into());
    assert_eq!(score, ["/clusters/0/members/0/score: is above 1"]);
    let wording = broken(&|d| d["quotes"][0]["reports"][0]["wording"] = "0".into());
    assert_eq!(wording, ["/quotes/0/reports/0/wording: \"0\" is not of type [\"integer\"]"]);
    let role = broken(&|d| d["stories"][0]["roles"] = serde_json::json!([]));
    assert_eq!(role, ["/stories/0/roles: has fewer than 1 items"]);
}

/// A speaker named outside the catalogue: optional on a quotation and on a report, and whole
/// when present.
#[test]
fn the_schema_takes_a_named_speaker_and_refuses_half_of_one() {
    let good = load(&site().join("briefing.json"));
    let nadler = serde_json::json!({
        "key": "jerry nadler", "name": "Jerry Nadler", "title": "Rep.", "description": null
    });
    let with = |named: &Value| {
        let mut data = good.clone();
        data["quotes"][0]["named"] = named.clone();
        data["quotes"][0]["reports"][0]["named"] = named.clone();
        let mut errors = errors_of(&data);
        errors.sort();
        errors
    };
    assert_eq!(with(&nadler), Vec::<String>::new());
    let mut half = nadler.clone();
    half.as_object_mut().unwrap().remove("key");
    half["title"] = 1.into();
    assert_eq!(
        with(&half),
        [
            "/quotes/0/named/title: 1 is not of type [\"string\", \"null\"]",
            "/quotes/0/named: lacks \"key\"",
            "/quotes/0/reports/0/named/title: 1 is not of type [\"string\", \"null\"]",
            "/quotes/0/reports/0/named: lacks \"key\"",
        ]
    );
}

/// Where the export's references point, checked on the seed site.
#[test]
fn references_point_where_they_say() {
    let data = load(&site().join("briefing.json"));
    assert_eq!(data["schema_version"], 2);
    let mut paragraphs: BTreeMap<(String, String), String> = BTreeMap::new();
    for source in data["sources"].as_array().unwrap() {
        for p in source["paragraphs"].as_array().unwrap() {
            let key = (source["slug"].as_str().unwrap().to_string(), p["id"].as_str().unwrap().to_string());
            paragraphs.insert(key, p["text"].as_str().unwrap().to_string());
        }
    }
    let slugs: BTreeSet<&str> = paragraphs.keys().map(|(s, _)| s.as_str()).collect();
    let paragraph = |item: &Value| {
        let key = (item["source"].as_str().unwrap().to_string(), item["paragraph"].as_str().unwrap().to_string());
        paragraphs.get(&key).unwrap_or_else(|| panic!("no paragraph {key:?}")).clone()
    };
    let text_at = |item: &Value| {
        let (start, end) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
        paragraph(item)[start..end].to_string()
    };
    let clusters = data["clusters"].as_array().unwrap();
    assert!(clusters.len() >= 30, "{} clusters", clusters.len());
    for cluster in clusters {
        let members = cluster["members"].as_array().unwrap();
        let wordings = cluster["wordings"].as_array().unwrap();
        assert_eq!((&cluster["source"], &cluster["paragraph"]), (&members[0]["source"], &members[0]["paragraph"]));
        assert_eq!(members[0]["kind"], "verbatim", "the origin is itself");
        // Each wording is written by the first member carrying it, and every one is used.
        let mut seen = BTreeSet::new();
        for member in members {
            let w = member["wording"].as_u64().unwrap() as usize;
            assert!(w < wordings.len() && w <= seen.len(), "wordings numbered by first appearance");
            if seen.insert(w) {
                assert_eq!(text_at(member), wordings[w].as_str().unwrap());
            }
        }
        assert_eq!(seen.len(), wordings.len());
        let sources: BTreeSet<&str> = members.iter().map(|m| m["source"].as_str().unwrap()).collect();
        assert!(sources.len() >= 2, "a cluster spans sources");
    }
    for entity in data["entities"].as_array().unwrap() {
        for mention in entity["mentions"].as_array().unwrap() {
            assert_eq!(text_at(mention), mention["text"].as_str().unwrap());
        }
    }
    let mut in_stories = BTreeSet::new();
    for story in data["stories"].as_array().unwrap() {
        let sources: Vec<&str> = story["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        assert_eq!(story["origin"], sources[0]);
        assert_eq!(story["roles"].as_array().unwrap().len(), sources.len(), "a role per version");
        let texts: Vec<&str> = story["texts"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t.as_array().unwrap())
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(texts.iter().collect::<BTreeSet<_>>(), sources.iter().collect(), "texts group the versions");
        assert_eq!(texts.len(), sources.len(), "each version in one text");
        assert_eq!(story["texts"][0][0], sources[0], "the origin's text first");
        in_stories.extend(sources);
    }
    assert_eq!(in_stories, slugs, "every source is in one story");
    for quote in data["quotes"].as_array().unwrap() {
        let wordings = quote["wordings"].as_array().unwrap();
        let used: BTreeSet<u64> =
            quote["reports"].as_array().unwrap().iter().map(|r| r["wording"].as_u64().unwrap()).collect();
        assert_eq!(used, (0..wordings.len() as u64).collect(), "every wording is some report's, and only those");
        assert_eq!(quote["reports"][0]["wording"], 0, "the first report's words come first");
        for report in quote["reports"].as_array().unwrap() {
            let first_part = wordings[report["wording"].as_u64().unwrap() as usize].as_str().unwrap();
            let first_part = first_part.split(" … ").next().unwrap();
            assert!(paragraph(report).contains(first_part), "the report's words are in its paragraph");
        }
    }
}
