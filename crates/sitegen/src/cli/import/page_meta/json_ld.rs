//! The JSON-LD blocks of a page, flattened into one list of typed nodes.

use serde_json::Value;

use super::values::clean;

/// The typed nodes of all the page's JSON-LD blocks. Sites put the article at the top
/// level, in a top-level array, in an `@graph`, or as a page's `mainEntity`; flattening
/// makes those the same.
pub(super) struct JsonLd {
    nodes: Vec<Value>,
}

impl JsonLd {
    /// Parses the blocks, skipping any that are not JSON even after the usual repairs.
    pub(super) fn new(blocks: &[String]) -> JsonLd {
        let mut nodes = Vec::new();
        for block in blocks {
            // Raw line breaks inside strings are the commonest breakage; outside strings any
            // control character is white space anyway.
            let repaired: String = block.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            let inner = repaired.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
            if let Ok(value) = serde_json::from_str::<Value>(inner.trim_end_matches(';')) {
                flatten(value, &mut nodes);
            }
        }
        JsonLd { nodes }
    }

    /// The first node with a type that `wanted` accepts.
    pub(super) fn first(&self, wanted: impl Fn(&str) -> bool) -> Option<&Value> {
        self.nodes.iter().find(|n| types(n).any(&wanted))
    }

    /// The names in an author or publisher value: a string, an object with a name, a
    /// reference by `@id` to another node, or a list of those.
    pub(super) fn names(&self, value: Option<&Value>) -> Vec<String> {
        match value {
            Some(Value::String(name)) => vec![clean(name)],
            Some(Value::Array(items)) => items.iter().flat_map(|i| self.names(Some(i))).collect(),
            Some(Value::Object(map)) if map.contains_key("name") => self.names(map.get("name")),
            Some(Value::Object(map)) => {
                let Some(id) = map.get("@id").and_then(Value::as_str) else { return Vec::new() };
                let node = self.nodes.iter().find(|n| n.get("@id").and_then(Value::as_str) == Some(id));
                node.and_then(|n| n.get("name")).map(|n| self.names(Some(n))).unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }
}

/// Moves the typed nodes of `value` into `nodes`, depth first, so that a page's own
/// article comes before the things it mentions.
fn flatten(value: Value, nodes: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, nodes)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, nodes);
            }
            if let Some(entity) = map.get("mainEntity").filter(|e| e.get("@type").is_some()) {
                flatten(entity.clone(), nodes);
            }
            if map.contains_key("@type") {
                nodes.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// A node's types, whether `@type` is one string or a list, without a schema.org prefix.
fn types(node: &Value) -> impl Iterator<Item = &str> {
    let types = match node.get("@type") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(t)) => vec![t.as_str()],
        _ => Vec::new(),
    };
    types.into_iter().map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
}

/// NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting and their kin: the
/// types whose headline and dates are the article's own.
pub(super) fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report"
}
