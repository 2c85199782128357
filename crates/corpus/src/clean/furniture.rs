//! Web-page furniture recognised by the shape of a whole line, in many languages: share and
//! favourite buttons, player and gallery controls, logos, bylines, comment counts and forum metadata,
//! cookie notices, menus glued into one line.
//!
//! Every rule here looks at short lines only (at most [`SHORT_WORDS`] words, or a line's
//! start), so an article's paragraphs cost one word count each.

use super::text::{WordSet, ends_like_sentence, starts_like_a_title, word_set};

/// Furniture lines are short: a rule that needs the whole line reads no further.
pub const SHORT_WORDS: usize = 15;

/// Words of share, follow and favourite buttons, in many languages.
#[rustfmt::skip]
const SOCIAL_WORDS: &[&str] = &[
    "share", "shares", "shared", "sharing", "tweet", "pin", "pinit", "email", "e", "mail", "print", "facebook",
    "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "tumblr", "flipboard", "vk",
    "vkontakte", "odnoklassniki", "ok", "viber", "messenger", "pocket", "mix", "xing", "threads", "bluesky",
    "mastodon", "instagram", "youtube", "tiktok", "rss", "follow", "like", "likes", "bookmark", "favorites",
    "favourites", "favorite", "favourite", "save", "copy", "link", "url", "send", "caring", "teilen", "drucken",
    "folgen", "partager", "imprimer", "suivre", "compartir", "imprimir", "seguir", "compartilhar", "compartilhe",
    "condividi", "stampa", "segui", "поделиться", "поделитесь", "печать", "подписаться", "podijeli", "podijelite",
    "ispis", "prati", "сподели", "споделете", "подели", "شارك", "مشاركة", "طباعة", "تابعنا",
];
static SOCIAL_WORDS_SET: WordSet = WordSet::new(|| word_set(SOCIAL_WORDS));

/// Words that may stand between social words: "Share on Facebook", "Click to share on Twitter
/// (Opens in new window)", "Share this article".
#[rustfmt::skip]
const SOCIAL_FILLER: &[&str] = &[
    "on", "to", "via", "by", "with", "this", "the", "article", "story", "page", "post", "click", "opens", "in",
    "new", "window", "tab", "us", "a", "friend", "friends", "your", "is", "auf", "per", "sur", "par", "en", "por",
    "no", "na", "su", "в", "на", "u", "و", "عبر", "add", "to", "zu", "hinzufügen", "ajouter", "aux", "agregar", "a",
    "adicionar", "aggiungi", "ai", "добавить", "избранное", "dodaj", "favorite", "link",
];
static SOCIAL_FILLER_SET: WordSet = WordSet::new(|| word_set(SOCIAL_FILLER));

/// Network names, favourites, and share verbs of other languages: a line of filler words
/// alone is no button. ("Share this article", without a network, is plain furniture.)
#[rustfmt::skip]
const SOCIAL_STRONG: &[&str] = &[
    "tweet", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "vk",
    "favorites", "favourites", "bookmark", "teilen", "partager", "compartir", "compartilhar", "compartilhe",
    "condividi", "поделиться", "podijeli", "сподели", "شارك", "مشاركة", "избранное", "favoris", "favoriten",
];
static SOCIAL_STRONG_SET: WordSet = WordSet::new(|| word_set(SOCIAL_STRONG));

/// A row of share and follow buttons: "Share on Facebook", "Tweet", "WhatsApp Facebook
/// Twitter Email", "Click to share on Twitter (Opens in new window)", "Add to favorites".
pub fn is_social(line: &str, words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 12 || ends_like_sentence(line) && !line.ends_with(':') {
        return social_phrase(words);
    }
    // A network's name inflected ("na Facebooku", "в Твиттере") is still its name.
    let network = |w: &&str| NETWORKS.iter().any(|n| w.starts_with(n));
    let strong = |w: &&str| SOCIAL_STRONG_SET.contains(w) || network(w);
    let known = |w: &&str| SOCIAL_WORDS_SET.contains(w) || SOCIAL_FILLER_SET.contains(w) || strong(w);
    (words.iter().all(known) && words.iter().any(strong)) || social_phrase(words)
}

/// Networks' names, as the start of a word.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "instagram",
    "youtube",
    "фейсбук",
    "твиттер",
    "телеграм",
];

/// "… Add to favorites", "… zu Favoriten hinzufügen" closing a line of icons and labels
/// ("folder_openRussia access_time7 years ago starAdd to favorites").
fn social_phrase(words: &[&str]) -> bool {
    words.len() <= SHORT_WORDS
        && words.windows(2).any(|pair| {
            matches!(pair, [_, "favorites" | "favourites" | "favoris" | "favoriten" | "избранное" | "favorite"])
                && matches!(pair[0], "to" | "aux" | "zu" | "в" | "u" | "a" | "ai" | "my" | "your")
        })
}

/// Player, gallery and page controls: "Sound", "Expand", "Play video", "Please Wait...",
/// "The gallery will resume in seconds", "Loading...".
#[rustfmt::skip]
const CONTROL_WORDS: &[&str] = &[
    "sound", "mute", "unmute", "expand", "collapse", "play", "pause", "replay", "stop", "fullscreen", "full",
    "screen", "loading", "wait", "please", "close", "gallery", "resume", "inseconds", "seconds", "will", "in",
    "the", "video", "audio", "next", "previous", "prev", "skip", "ad", "now", "playing", "up", "back", "more",
    "show", "hide", "less", "menu", "search", "toggle", "navigation", "open", "main", "content", "to", "jump", "go",
    "top", "of", "page", "slide", "slideshow", "enlarge", "zoom", "image", "photo", "photos", "images", "view",
    "all", "watch", "listen", "cancel", "ok", "submit", "reply", "login", "log", "sign", "register", "subscribe",
    "logout", "out", "account", "my", "home", "edition", "weiter", "zurück", "schließen", "suivant", "précédent",
    "fermer", "siguiente", "anterior", "cerrar", "próximo", "fechar", "avanti", "indietro", "chiudi", "далее",
    "назад", "закрыть", "dalje", "natrag", "zatvori", "понатаму", "затвори", "التالي", "السابق", "إغلاق",
];
static CONTROL_WORDS_SET: WordSet = WordSet::new(|| word_set(CONTROL_WORDS));

/// Control words too common in text or headings to mark a line on their own.
#[rustfmt::skip]
const WEAK_CONTROL_WORDS: &[&str] = &[
    "the", "in", "will", "to", "of", "up", "back", "more", "all", "now", "out", "my",
];

/// A line of controls only, in few words and without sentence punctuation (bar "…").
pub fn is_control(line: &str, words: &[&str]) -> bool {
    let trimmed = line.trim_end_matches(['.', '…']);
    !words.is_empty()
        && words.len() <= 6
        && !ends_like_sentence(trimmed)
        && words.iter().all(|w| CONTROL_WORDS_SET.contains(w) || w.bytes().all(|b| b.is_ascii_digit()))
        && words.iter().any(|w| CONTROL_WORDS_SET.contains(w) && !WEAK_CONTROL_WORDS.contains(w))
}

/// A line without a letter, short: "0 : 0", "1 / 12", "£5,349.00", "‹ › ×", "#65737" (a
/// forum post's number) — scores, counters, prices and icons.
pub fn is_letterless(line: &str) -> bool {
    line.chars().count() <= 24 && !line.chars().any(char::is_alphabetic)
}

/// "Reuters logo", "BBC News Logo": a name and the word logo.
pub fn is_logo(words: &[&str]) -> bool {
    (2..=5).contains(&words.len()) && matches!(words.last(), Some(&"logo" | &"logotype" | &"логотип" | &"شعار"))
}

/// Words of a comment section's labels: "12 comments", "Leave a Reply", "Comments are
/// closed.", "[ 167 comments ]", "Kommentare (3)", "Комментарии".
#[rustfmt::skip]
const COMMENT_WORDS: &[&str] = &[
    "comment", "comments", "responses", "response", "replies", "reply", "leave", "a", "add", "post", "your",
    "write", "join", "the", "discussion", "are", "closed", "show", "view", "all", "read", "top", "rated", "cancel",
    "feed", "for", "to", "no", "yet", "be", "first", "kommentar", "kommentare", "kommentieren", "schreiben",
    "commentaire", "commentaires", "laisser", "un", "réagir", "comentario", "comentarios", "comentário",
    "comentários", "comentar", "deixe", "seu", "commento", "commenti", "комментарий", "комментарии", "комментариев",
    "комментария", "оставить", "komentar", "komentari", "komentara", "komentiraj", "коментар", "коментари",
    "коментирај", "تعليق", "تعليقات", "التعليقات", "أضف",
];
static COMMENT_WORDS_SET: WordSet = WordSet::new(|| word_set(COMMENT_WORDS));

/// A comment section's label or count: comment words and numbers only, one of them a word
/// for comments.
pub fn is_comment_label(line: &str, words: &[&str]) -> bool {
    let strong = |w: &&str| {
        matches!(*w, "comment" | "comments" | "responses" | "replies" | "reply" | "discussion")
            || (w.len() > 5 && COMMENT_WORDS_SET.contains(w) && !w.is_ascii())
            || w.starts_with("komment")
            || w.starts_with("comment")
            || w.starts_with("коммент")
            || w.starts_with("komentar")
            || w.starts_with("коментар")
    };
    !words.is_empty()
        && words.len() <= 8
        && (!ends_like_sentence(line) || line.ends_with('.') && words.len() <= 4)
        && words.iter().all(|w| COMMENT_WORDS_SET.contains(w) || w.bytes().all(|b| b.is_ascii_digit()))
        && words.iter().any(strong)
}

/// "Alex on September 17, 2018 at 6:34 am said:", "thelastchargersfan says:", "Mike schrieb:":
/// a comment's header, a name (and a date) before a verb of saying and a colon.
pub fn is_comment_header(line: &str, words: &[&str]) -> bool {
    #[rustfmt::skip]
const SAID: &[&str] = &[
    "said", "says", "wrote", "writes", "replied", "commented", "schrieb", "sagt", "écrit", "dit", "dice",
    "escribió", "disse", "escreveu", "scrive", "scritto", "написал", "написала", "пишет", "napisao", "napisala",
    "напиша", "напишал", "кажа", "كتب", "قال",
];
    line.ends_with(':') && words.len() <= 14 && words.last().is_some_and(|w| SAID.contains(w))
}

/// Roles printed alone under or over an author's name: "Local Editor", "Staff Writer".
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "local", "staff", "senior", "chief", "deputy", "managing", "news", "web", "online", "digital", "associate",
    "contributing", "guest", "editor", "editors", "writer", "reporter", "correspondent", "contributor", "columnist",
    "author", "redakteur", "redakteurin", "korrespondent", "rédaction", "rédacteur", "redacción", "redação",
    "redazione", "redakcija", "редакция", "редакција", "корреспондент",
];

/// Words that credit a person before "by": "Posted by", "Medically reviewed by".
#[rustfmt::skip]
const CREDIT_VERBS: &[&str] = &[
    "posted", "written", "reviewed", "edited", "published", "photos", "photographs", "words", "text", "compiled",
    "updated", "medically", "fact", "checked", "story", "produced", "created", "submitted",
];

/// Words that mark the author's name after them: "By", "Von", "Par", "Автор:".
#[rustfmt::skip]
const BY_WORDS: &[&str] = &[
    "by", "von", "par", "por", "di", "door", "av", "przez", "автор", "autor", "piše", "пишува", "пише", "بقلم",
];

/// Words that may follow an author's name on its line: "and", "on", a month's name, "updated".
#[rustfmt::skip]
const NAME_FILLER: &[&str] = &[
    "and", "und", "et", "y", "e", "i", "и", "on", "am", "le", "el", "de", "at", "in", "|", "-", "–", "—", "·", "•",
];

/// An author's line: "By Jim Geraghty", "by Rahul", "Posted by admin on March 2, 2019",
/// "Medically reviewed by Kaitlynn Fortunato Greenberg, RD, LD", "Von Moritz Bachmann",
/// "Par Jean Dupont", "Автор: Иван Петров", "Local Editor".
pub fn is_byline(line: &str, words: &[&str]) -> bool {
    let marked = |w: &&str| BY_WORDS.contains(w) || ROLE_WORDS.contains(w);
    if words.is_empty() || words.len() > 12 || line.ends_with(['?', '!', ';', ',']) || !words.iter().any(marked) {
        return false;
    }
    let role = |w: &&str| {
        matches!(*w, "editor" | "writer" | "reporter" | "correspondent" | "contributor" | "columnist")
            || ["redak", "réda", "reda", "редак"].iter().any(|p| w.starts_with(p))
    };
    if words.len() <= 3 && words.iter().all(|w| ROLE_WORDS.contains(w)) && words.iter().any(role) {
        return true;
    }
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let printed: Vec<&str> = line.split_whitespace().collect();
    let Some(by) = printed.iter().position(|w| BY_WORDS.contains(&bare(w).as_str())) else { return false };
    let name = &printed[by + 1..];
    if name.is_empty() || ends_like_sentence(line) && !(line.ends_with('.') && words.len() <= 5) {
        return false;
    }
    if by > 0 {
        // "Posted by admin on …": a verb of credit before "by", then anything short.
        return printed[..by].iter().all(|w| CREDIT_VERBS.contains(&bare(w).as_str()));
    }
    // "By" first: a name after it, capitalised words and what may follow a name.
    name.iter().all(|w| {
        let word = bare(w);
        word.is_empty()
            || starts_like_a_title(w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            || word.chars().next().is_some_and(|c| c.is_ascii_digit())
            || NAME_FILLER.contains(&word.as_str())
            || CREDIT_VERBS.contains(&word.as_str())
    }) && name.first().is_some_and(|w| w.chars().next().is_some_and(|c| c.is_alphabetic() && starts_like_a_title(w)))
}

/// Menu items run together where the page set them apart ("FinancialGovernment
/// SolutionsLegalTax & Accounting"): two or more words glued to the next one's capital, in a
/// line without sentence punctuation. A brand glues once at most ("PlayStation"), after a
/// short run ("YouTube", "McDonald").
pub fn is_glued_menu(line: &str) -> bool {
    if ends_like_sentence(line) {
        return false;
    }
    let mut glued = 0;
    let mut lower_run = 0;
    for c in line.chars() {
        if c.is_uppercase() && lower_run >= 3 {
            glued += 1;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    glued >= 2
}

/// Labels over a list of other stories, as whole lines: "Related", "Read more", "Lesen Sie
/// auch", "Читайте также", "Lire aussi", "Leia também", "اقرأ أيضا", "Vezane vijesti".
#[rustfmt::skip]
const RELATED_LABELS: &[&str] = &[
    "related", "related articles", "related stories", "related news", "related content", "related posts",
    "related coverage", "related topics", "read more", "read also", "also read", "see also", "more stories",
    "more news", "recommended", "recommended for you", "you may also like", "you might also like", "most read",
    "most popular", "trending", "trending now", "latest news", "top stories", "further reading", "don t miss",
    "more on this story", "lesen sie auch", "mehr zum thema", "auch interessant", "weitere artikel",
    "das könnte sie auch interessieren", "meistgelesen", "lire aussi", "à lire aussi", "voir aussi",
    "sur le même sujet", "les plus lus", "lee también", "te puede interesar", "noticias relacionadas",
    "lo más leído", "leia também", "leia mais", "veja também", "mais lidas", "notícias relacionadas",
    "leggi anche", "potrebbe interessarti", "articoli correlati", "читайте также", "по теме", "смотрите также",
    "самое читаемое", "новости по теме", "pročitajte još", "pročitajte i", "vezane vijesti", "povezane vijesti",
    "najčitanije", "прочитајте још", "повезане вести", "поврзани вести", "најчитани", "прочитајте и",
    "اقرأ أيضا", "اقرأ ايضا", "مواضيع ذات صلة", "أخبار ذات صلة", "الأكثر قراءة",
];
static RELATED_LABELS_SET: WordSet = WordSet::new(|| word_set(RELATED_LABELS));

/// A label over other stories' headlines, the whole line: one of [`RELATED_LABELS`], or "More
/// from" and a name ("More from Reuters", "Mehr aus Politik").
pub fn is_related_label(line: &str, folded: &str, words: &[&str]) -> bool {
    let label = !line.trim_end_matches([':', '»', '›', '>', ' ']).ends_with(['.', '!', '?']);
    let more_from =
        words.len() <= 5 && matches!(words, ["more", "from" | "on" | "in", ..] | ["mehr", "aus" | "von" | "zu", ..]);
    label && (RELATED_LABELS_SET.contains(folded) || more_from)
}

/// Words of a call to subscribe, or of an affiliate's disclosure.
#[rustfmt::skip]
const PITCH_WORDS: &[&str] = &[
    "subscribe", "subscribing", "subscribed", "subscription", "newsletter", "newsletters", "inbox", "unsubscribe",
    "spam", "commission", "affiliate", "abonnieren", "abonnez", "suscríbete", "assine", "подпишитесь", "pretplatite",
];
static PITCH_WORDS_SET: WordSet = WordSet::new(|| word_set(PITCH_WORDS));

/// A site's pitch under its articles, in one or two sentences: "Get the latest updates right
/// in your inbox. Subscribe to our newsletters.", "No spam, we promise. You can unsubscribe at
/// any time.", "We may earn a commission if you purchase through links in this article.":
/// two words of the pitch in a short paragraph (`folded`, of at most 30 words). An article's
/// sentence about a subscription rarely has two.
pub fn is_pitch(folded: &str) -> bool {
    // Every word of the pitch has four letters or more: shorter words are not looked up.
    folded.split(' ').filter(|w| w.len() >= 4 && PITCH_WORDS_SET.contains(w)).nth(1).is_some()
}

/// A comment section's rules or prompt: "Comments are subject to our community guidelines",
/// "Please enable JavaScript to view the comments", "You must log in to post a comment.":
/// a word for comments and one for their rules, in a short paragraph (`folded`).
pub fn is_comment_notice(folded: &str) -> bool {
    const RULES: &[&str] = &[
        "guidelines",
        "moderated",
        "moderating",
        "moderation",
        "moderator",
        "respectful",
        "javascript",
        "disqus",
        "log",
        "logged",
        "policy",
        "approved",
        "offensive",
    ];
    folded.split(' ').any(|w| w.starts_with("comment") || w.starts_with("komment") || w.starts_with("коммент"))
        && folded.split(' ').any(|w| RULES.contains(&w))
}
