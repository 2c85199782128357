//! entities/index.html: every entity of the catalogue, grouped by kind.

use crate::pages::base::PageMeta;
use crate::pages::page::Page;
use crate::site::model::SiteModel;

impl SiteModel<'_> {
    /// entities/index.html.
    pub fn entity_index(&self) -> Page<'_> {
        let description = format!(
            "The {} people, organisations and places named in {}.",
            self.corpus.entities.len(),
            self.corpus.site.title
        );
        let meta =
            PageMeta { title: "Entities", kind: "entities", path: "entities/index.html", description: &description };
        let mut context = self.base_context("../", meta);
        context.insert("entity_groups", self.entity_groups("../", false));
        Page { path: "entities/index.html".into(), template: "entities.html", context }
    }
}
