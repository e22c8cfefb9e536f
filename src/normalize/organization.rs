//! Organization values: the name without quotes or legal form, in the nominative,
//! and the legal form (ОФ, ЗТБ, Общественный фонд, қоғамдық қоры) or null.
//!
//! Groups: `name`, `form`. A quoted name is kept as written (only its quotes go);
//! an unquoted one is put in the nominative by [`super::nominative`].

use super::{Context, nominative};
use crate::lang::Lang;
use crate::record::Value;

const QUOTES: [char; 9] = ['«', '»', '"', '“', '”', '„', '\'', '‘', '’'];

/// Does the name carry its own quotes (then it is a proper name, not inflected)?
fn quoted(s: &str) -> bool {
    s.trim().starts_with(QUOTES)
}

/// The name without its outer quotes; quotes nested in it stay whole (АО «НК
/// «Қазақстан темір жолы»»: НК «Қазақстан темір жолы», not НК «Қазақстан темір жолы).
fn strip_quotes(s: &str) -> String {
    let t = s.trim().trim_matches(|c: char| QUOTES.contains(&c) || c.is_whitespace());
    let mut name = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let open = name.matches('«').count().saturating_sub(name.matches('»').count());
    name.extend(std::iter::repeat_n('»', open));
    name
}

/// A phrase in the nominative in the language of the sentence, falling back on
/// the script: Kazakh letters mean Kazakh grammar, unless the phrase starts with
/// a Russian head noun (Департамента полиции области Жетісу: a Kazakh place name
/// inside a Russian name).
fn nominative_of(ctx: &Context, phrase: &str) -> String {
    if ctx.lang == Lang::Kk && !russian_head(phrase) {
        return nominative::kk(phrase, &ctx.set.lexicon);
    }
    let ru = nominative::ru(phrase, &ctx.set.lexicon);
    if ru == phrase && phrase.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)) {
        nominative::kk(phrase, &ctx.set.lexicon)
    } else {
        ru
    }
}

/// Whether a name starts with a head noun only Russian has (Управление,
/// Министерство, in any case): a Russian name, in a Kazakh sentence too
/// (Управление физической культуры и спорта области Жетісу мен ...).
fn russian_head(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("").to_lowercase();
    ["управлени", "министерств"].iter().any(|h| first.starts_with(h))
}

/// A name as a name is written: its first letter in capitals (управления
/// молодежной политики gives Управление молодежной политики).
/// Latin names (brands, web names) keep their own spelling.
fn capitalized(s: &str) -> String {
    if !s
        .chars()
        .next()
        .is_some_and(|c| matches!(c, 'а'..='я' | 'ё' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і'))
    {
        return s.to_string();
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// The gazetteer name of a whole `name` group that is one of the rule's gazetteer
/// forms (ҚМУ-дің gives ҚМУ, Красного Полумесяца gives Красный Полумесяц).
fn known(ctx: &Context, raw: &str) -> Option<String> {
    if ctx.constant("name").is_some() {
        return None;
    }
    ctx.rule.gazetteers.iter().find_map(|g| {
        let (_, name) = ctx.set.gazetteers.get(g)?.lookup(raw.trim(), ctx.lang)?;
        Some(name.to_string())
    })
}

/// Whether `name` (the match `raw` without quotes, or its nominative) is in the
/// `[not_organization]` lexicon: platforms, generic acronyms and phrases, and
/// (`unquoted`) a facility's generic name unless quoted (Қан орталығы: the
/// local blood centre, no name; «Қан орталығы» ШЖҚ РМК is one).
fn listed_as_no_name(lex: &crate::rules::Lexicon, name: &str, raw: &str) -> bool {
    match lex.lookup("not_organization", name) {
        Some("unquoted") => !quoted(raw),
        Some(_) => true,
        None => false,
    }
}

/// Is this match no organization? The name is in the `[not_organization]`
/// lexicon (platforms, generic acronyms), or has no letter («1406»), or starts
/// with a platform or a word no name starts with; or it is a form of the place
/// gazetteer (ШҚО), or, in Russian, starts with a two-word one (Российской
/// Федерации по вопросам ...).
fn vetoed(ctx: &Context, raw: &str) -> bool {
    let bare = strip_quotes(raw);
    let lex = &ctx.set.lexicon;
    if listed_as_no_name(lex, &bare, raw) {
        return true;
    }
    // A name without a letter is a number quoted («1406» нөмірі: a phone line).
    if !bare.chars().any(char::is_alphabetic) {
        return true;
    }
    // A platform's page or network (Facebook әлеуметтік желісі, Instagram-аккаунт),
    // or, unquoted, a sentence word that no name starts with (Барлық мекеме
    // қызметі: "all"; a quoted name may: «Біз біргеміз» қоғамдық қоры; so may
    // a name of the gazetteers: Наш Костанай).
    let first = bare.split([' ', '-']).next().unwrap_or("");
    match lex.lookup("not_organization", first) {
        Some("platform") => return true,
        Some("first") if !quoted(raw) && known(ctx, raw).is_none() => return true,
        _ => {}
    }
    // A body's word before a project's (студии программы «Таңғы кездесу»: a
    // show's studio, центр проекта «...»): the quoted name is the project's.
    if let Some((head, _)) = ctx.groups.span_text().split_once(['«', '"', '“'])
        && head.split_whitespace().count() > 1
        && head.split_whitespace().next_back().is_some_and(|w| lex.lookup_prefix("project_word", w).is_some())
    {
        return true;
    }
    if quoted(raw) {
        return false;
    }
    // A volunteers' unit named by its kind alone, in lowercase (волонтерской
    // службы доставки, волонтерский штаб): an unnamed reference (GUIDELINES);
    // one with a quoted name (волонтерский клуб «Жарық») is a name.
    if ["волонтерск", "волонтёрск", "добровольческ"].iter().any(|p| first.starts_with(p))
    {
        return true;
    }
    // A service named in lowercase by what it does (служба социального такси,
    // службы спасения, служба больничных волонтеров) is a kind of service, no
    // name: the sets annotate none of the 17 that derek found; a capitalized one
    // (Служба пожаротушения и аварийно-спасательных работ) is a name.
    if first.starts_with("служб") {
        return true;
    }
    // A name of the organizations gazetteer is one, whatever its words look like
    // (Қазтұтынуодағы Қарағанды университеті: a locative-looking first word).
    if known(ctx, raw).is_some() {
        return false;
    }
    if kk_not_a_body(ctx, &bare) || ends_with_coordinated_persons(ctx, &bare) {
        return true;
    }
    let place_form = |w: &str| ctx.set.gazetteers.get("places").is_some_and(|g| g.has_form(w, Lang::Und));
    // A Kazakh acronym with its case ending (ШҚО-да) is tried without it too;
    // it may open a longer name (АҚШ-тың Алматыдағы бас консулдығы).
    if place_form(&bare)
        || (!bare.contains(char::is_whitespace)
            && bare.split_once('-').is_some_and(|(a, ending)| {
                a.chars().all(char::is_uppercase) && ending.chars().all(char::is_lowercase) && place_form(a)
            }))
    {
        return true;
    }
    // A Russian name does not start with a two-word place (Российской Федерации по
    // вопросам ...: the place was read as adjective and head); a Kazakh one may
    // (Қазақстанның Қызыл Ай қоғамы, Астана қаласының ... орталығы), in a Russian
    // sentence too (Акцию организовали Қызылорда облысының ... орталығы): its
    // place ends in a Kazakh word for a region, district or city.
    let words: Vec<&str> = bare.split_whitespace().collect();
    let kazakh_place =
        words.get(1).is_some_and(|w| ["облыс", "аудан", "қала"].iter().any(|p| w.starts_with(p)));
    ctx.lang != Lang::Kk && words.len() > 2 && !kazakh_place && place_form(&words[..2].join(" "))
}

/// A Kazakh unquoted name that names no body: it ends in a phrase of the
/// `[not_organization]` table's `suffix` list (Жылыой ауданының орталығы: a
/// place; Есіл ауданындағы сауда орталығы: a venue), or holds a locative word
/// before its head (Абай даңғылындағы жастар орталығы: a centre by its
/// address), except a country's mission (Түркияның Алматыдағы консулдығы) and
/// "named after" (Абай атындағы).
fn kk_not_a_body(ctx: &Context, bare: &str) -> bool {
    if ctx.lang != Lang::Kk || russian_head(bare) {
        return false;
    }
    let folded = crate::rules::fold(bare);
    let suffixes =
        ctx.set.lexicon.tables.get("not_organization").into_iter().flatten().filter(|(k, _)| k == "suffix");
    // The phrase ends the name, its last word with a case ending or none
    // (аудан орталығындағы).
    let words: Vec<&str> = folded.split_whitespace().collect();
    let ends_with_phrase = |w: &str| {
        let phrase: Vec<&str> = w.split_whitespace().collect();
        let (Some((last, init)), n) = (phrase.split_last(), words.len()) else { return false };
        n >= phrase.len() && words[n - 1].starts_with(last) && words[n - phrase.len()..n - 1] == *init
    };
    // (an official's press office is the organization, a person having none:
    // Жамбыл облысы әкімінің баспасөз қызметі)
    let officials = folded.contains("әкімінің баспасөз");
    if !officials && suffixes.flat_map(|(_, ws)| ws).any(|w| ends_with_phrase(w)) {
        return true;
    }
    // The words as written (`words` are folded).
    let original: Vec<&str> = bare.split_whitespace().collect();
    // A person's name and a lowercase phrase (бас дәрігері Айгүл Нұрмұхамбетова
    // қан қорының ...: "the blood stock", with the doctor's name before it): the
    // person's, no body's name.
    if let [first, surname, rest @ ..] = original.as_slice()
        && !rest.is_empty()
        && first.starts_with(char::is_uppercase)
        && crate::gazetteer::reads_as_surname(surname, crate::gazetteer::SURNAME_ENDINGS)
        && rest.iter().all(|w| w.starts_with(char::is_lowercase))
        // (not a body named after the person: М. Мәметова атындағы мектеп)
        && !rest.iter().any(|w| w.starts_with("атынд"))
    {
        return true;
    }
    // A word of time inside (Университет былтыр қан орталығымен ...: the sentence's
    // subject, an adverb, then another body): `[not_organization]`'s `inside`.
    if words.iter().skip(1).any(|w| ctx.set.lexicon.lists("not_organization", "inside", w)) {
        return true;
    }
    // A branch by its region alone (ШҚО бойынша филиалы): the parent before it
    // names it, the branch is no name of its own.
    if let [_, by, branch] = words.as_slice()
        && *by == "бойынша"
        && (branch.starts_with("филиал") || branch.starts_with("бөлімше"))
    {
        return true;
    }
    // The city's, district's or region's akimat with no place named (қала
    // әкімдігінде), after words of the sentence (Кілттер, Пәтер кілттері):
    // unnamed; Шымкент қала әкімдігі names its place.
    if let [.., level, head] = words.as_slice()
        && words.len() >= 3
        && ["қала", "аудан", "облыс", "ауыл"].contains(level)
        && head.starts_with("әкімдіг")
        && !bare.split_whitespace().any(|w| {
            ctx.set.gazetteers.get("places").is_some_and(|g| {
                [w.to_string(), format!("{w} ауданы"), format!("{w} облысы")]
                    .iter()
                    .any(|f| g.has_form(f, Lang::Und))
            })
        })
    {
        return true;
    }
    let mission = ["елшілігі", "консулдығы", "өкілдігі"].iter().any(|m| folded.contains(m));
    if !mission && words.len() > 1 && words[..words.len() - 1].iter().any(|w| kk_address_word(w)) {
        return true;
    }
    // A lowercase word in the locative inside the words is a clause's, not a
    // name's: Жаз айларында қан қоры, Павлодар қаласында қарттарға арналған
    // күндізгі күтім орталығы (a description of a centre, no name).
    // So is a plural of persons with a possessive (ҚазҰУ студенттері Ұлттық
    // статистика бюросы: "the students of ..."; not Су ресурстары комитеті),
    // and a body's head before мен / және
    // (жастар ресурстық орталығы мен аудан әкімдігі: two bodies).
    let inner = &original[..original.len().saturating_sub(1)];
    let persons = |w: &str| {
        kk_plural_possessive(w)
            && matches!(
                ctx.set.lexicon.lookup_prefix("category", w),
                Some("people" | "volunteers" | "children")
            )
    };
    // A postposition of time or a plural object in the accusative inside is a
    // clause's too: Жыл басынан бері әлеуметтік дүкендердің қызметін, Оқу
    // құралдарын ауыл-ауылға жастар ресурстық орталығының; not the object of the
    // body's purpose (Балалардың құқықтарын қорғау комитеті).
    let clause_word = |i: usize, w: &str| {
        ["бері", "бастап", "дейін", "кейін"].contains(&w)
            || (["ларын", "лерін", "дарын", "дерін", "тарын", "терін"].iter().any(|e| w.ends_with(e))
                && !inner.get(i + 1).is_some_and(|n| ["қорғау", "қолдау", "дамыту"].contains(n)))
    };
    inner.iter().enumerate().any(|(i, w)| kk_locative_word(w) || persons(w) || clause_word(i, w))
        || inner.windows(2).any(|p| {
            ["мен", "бен", "пен", "және"].contains(&p[1])
                && ctx.set.lexicon.lookup("kk_body_head", p[0]).is_some()
        })
}

/// A Russian name that ends in "и" and a plural of persons (... университета
/// имени Манаша Козыбаева и волонтеры, ... центра и студенты), or in such a
/// plural right after a place's or acronym's capital (департамента полиции ЗКО
/// волонтеры прочесали: the sentence's subject): the sentence ran into the
/// name; the extractor searches it again ending before them.
fn ends_with_coordinated_persons(ctx: &Context, bare: &str) -> bool {
    ctx.lang == Lang::Ru && coordinated_persons_at(&ctx.set.lexicon, bare).is_some()
}

/// Where a Russian name's run into a plural of persons starts (see
/// [`ends_with_coordinated_persons`]): the byte offset of the word after the
/// name, и or the plural (as [`adverbial_end_at`] gives по's). The plural may
/// have words after it (Центра адаптации кандасов и волонтеры студенческого
/// клуба: the volunteers' club is another name); after a capital it is the
/// name's last word. A field's genitive (гидробиологии и экологии, психологии
/// и педагогики) and a collective's (детей и молодежи) are no plural of persons.
pub fn coordinated_persons_at(lex: &crate::rules::Lexicon, raw: &str) -> Option<usize> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let persons = |w: &str| {
        w.ends_with(['ы', 'и'])
            && !w.ends_with("ии")
            && (!w.ends_with("ики") || w.ends_with("ники"))
            && !w.starts_with("молодеж")
            && !w.starts_with("молодёж")
            && matches!(
                lex.lookup_prefix("category", w).or_else(|| lex.lookup_prefix("category_ru", w)),
                Some("people" | "volunteers" | "children")
            )
    };
    if let Some(p) = words.windows(2).skip(1).find(|p| p[0] == "и" && persons(p[1])) {
        return Some(offset_in(raw, p[0]));
    }
    let [.., _, capital, last] = words.as_slice() else { return None };
    (capital.starts_with(char::is_uppercase) && persons(last)).then(|| offset_in(raw, last))
}

/// A lowercase Kazakh plural with the 3rd-person possessive (студенттері,
/// қызметкерлері): "their ...", a clause's word, no name's.
fn kk_plural_possessive(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && ["лары", "лері", "тары", "тері", "дары", "дері"].iter().any(|s| w.ends_with(s))
}

/// A lowercase Kazakh word in the locative case (айларында, қаласында,
/// мектепте): five letters or more ending in -да/-де/-та/-те.
fn kk_locative_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && w.chars().count() >= 5
        && ["да", "де", "та", "те"].iter().any(|l| w.ends_with(l))
        && !KK_NOUNS_IN_DA.contains(&w)
}

/// Borrowed nouns whose nominative ends like a locative (Халықаралық олимпиада
/// комитеті, Ұлттық спартакиада комитеті).
const KK_NOUNS_IN_DA: [&str; 8] =
    ["олимпиада", "спартакиада", "универсиада", "паралимпиада", "команда", "бригада", "газета", "эстафета"];

/// A Kazakh locative adjective that places a centre by its address (даңғылындағы,
/// ауданындағы); not "named after" (атындағы) nor "on the matters of"
/// (мәселелері жөніндегі басқармасы: part of a body's official name).
fn kk_address_word(w: &str) -> bool {
    !["атындағы", "жөніндегі"].contains(&w) && ["дағы", "дегі", "тағы", "тегі"].iter().any(|l| w.ends_with(l))
}

/// An unquoted name that ends in a legal-form word of the `[org_form_word]`
/// lexicon: (the name before it, the form word). The name must keep a word.
fn split_form_word(ctx: &Context, name: &str) -> Option<(String, String)> {
    let table = ctx.set.lexicon.tables.get("org_form_word")?;
    let lower = crate::rules::fold(name);
    table.iter().flat_map(|(_, ws)| ws.iter()).find_map(|f| {
        let rest = lower.strip_suffix(f.as_str())?.strip_suffix(' ')?;
        // Folding keeps the character count (ё → е), so the cut is found by characters.
        let keep = rest.chars().count();
        let n: String = name.chars().take(keep).collect();
        let form: String = name.chars().skip(keep + 1).collect();
        (!n.trim().is_empty()).then(|| (n.trim().to_string(), form))
    })
}

/// At a sentence's start a capital proves nothing: an unquoted Russian name
/// that is one adjective and a head noun and opens the sentence (Норвежская
/// компания выпустила, Специальная комиссия собралась) is no name. Gazetteer
/// names (Верховный суд) are not affected, nor a diocese, named by its see
/// (Петропавловская епархия организовала).
fn weak_at_start(ctx: &Context, raw: &str) -> bool {
    let see = raw
        .split_whitespace()
        .next_back()
        .map(str::to_lowercase)
        .is_some_and(|w| w.starts_with("епархи") || w.starts_with("митрополи"));
    ctx.lang != Lang::Kk
        && !quoted(raw)
        && !see
        && ctx.groups.leads_sentence("name")
        && nominative::ru_adjective_and_head(raw, &ctx.set.lexicon)
}

/// A team of a town, district or region (сборная Шуского района, сборной
/// Астаны): the annotated sets take none; a country's national team (сборная
/// Казахстана) stays an organization, as NEREL has it.
fn local_team(ctx: &Context, raw: &str) -> bool {
    let team = raw.split_whitespace().next().is_some_and(|w| w.to_lowercase().starts_with("сборн"));
    let Some(place) = ctx.group("place").filter(|_| team) else { return false };
    let country = ctx
        .set
        .gazetteers
        .get("places")
        .and_then(|g| g.lookup(place, ctx.lang))
        .and_then(|(entry, _)| entry.key.as_deref())
        .is_some_and(crate::gazetteer::country_key);
    !country
}

/// A Russian university named by a person's name alone, the Kazakh way
/// (Торайгыров университета, Шакарим университетом): the name as written and
/// университет in the nominative; not an adjective before it (Казахского
/// университета goes to the nominative as a whole).
fn person_named_university(ctx: &Context, raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let [person, head] = words[..] else { return None };
    let adjective_like = [
        "ого", "его", "ому", "ему", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ым", "ом",
        "ем", "ским",
    ];
    (ctx.lang != Lang::Kk
        && person.starts_with(char::is_uppercase)
        && !adjective_like.iter().any(|e| person.ends_with(e))
        && ["университет", "университета", "университету", "университетом", "университете"].contains(&head))
    .then(|| format!("{person} университет"))
}

/// Whether `form` is `name` with other Cyrillic case endings: word by word,
/// the two are equal or share all of the word but its last two letters and
/// differ only in letters (Казахмыса, Звезды Прииртышья, Огней Алатау).
fn inflected_from(form: &str, name: &str) -> bool {
    let word = |f: &str, n: &str| {
        let (f, n): (Vec<char>, Vec<char>) = (f.chars().collect(), n.chars().collect());
        let stem = n.len().saturating_sub(2).max(3);
        let cyrillic = |c: &char| ('\u{400}'..='\u{4ff}').contains(c);
        f == n
            || (n.len() > stem
                && f.len() >= stem
                && f[..stem] == n[..stem]
                && f.len().abs_diff(n.len()) <= 3
                && f[stem..].iter().chain(&n[stem..]).all(cyrillic))
    };
    form != name
        && form.split(' ').count() == name.split(' ').count()
        && form.split(' ').zip(name.split(' ')).all(|(f, n)| word(f, n))
}

/// A name in quotes that a word of `[project_word]` follows or precedes names
/// a project, a campaign or an event, not an organization: «Жастар банкі»
/// жобасы, «Таза Қазақстан» акциясы, волонтерская программа «Добрая палата»
/// (a name inside the quotes that a rule reads as a body's: палата).
fn names_a_project(ctx: &Context) -> bool {
    let before = ctx.groups.before_span().trim_end();
    let Some(inside) = before.strip_suffix(['«', '"', '“', '„']) else { return false };
    let project = |w: &str| ctx.set.lexicon.lookup_prefix("project_word", w).is_some();
    if inside.split_whitespace().next_back().is_some_and(project) {
        return true;
    }
    let Some(rest) = ctx.groups.following().strip_prefix(['»', '"', '”', '“']) else {
        return false;
    };
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    !word.is_empty() && project(&word)
}

/// Whether a name runs on into an adverbial по (Управление по итогам года,
/// Акимат по поручению главы: the words after по are `after_po` words of
/// `[not_organization]`, no remit of the body, which is then unnamed) or into
/// a preposition no name holds ([`adverbial_end_at`]).
fn adverbial_end(ctx: &Context, raw: &str) -> bool {
    adverbial_end_at(&ctx.set.lexicon, raw, 0).is_some()
}

/// The byte offset in `raw` of `word`, a slice of it (a word of its
/// `split_whitespace`).
fn offset_in(raw: &str, word: &str) -> usize {
    word.as_ptr() as usize - raw.as_ptr() as usize
}

/// Where the first adverbial по of `raw` with `min_before` words of the name
/// before it starts (byte offset): по followed by an `after_po` word of
/// `[not_organization]` (по адресу, по итогам), or a preposition no name
/// holds outside quotes (`preposition`: Акимат района среди жителей). The
/// extractor searches a name again ending there ([`crate::extract`]); the
/// normalizer drops a name that holds one.
pub fn adverbial_end_at(lex: &crate::rules::Lexicon, raw: &str, min_before: usize) -> Option<usize> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let mut open = 0i32;
    words.iter().enumerate().find_map(|(i, &w)| {
        let quoted = open > 0;
        open += w.matches('«').count() as i32 - w.matches('»').count() as i32;
        let next = words.get(i + 1).copied();
        // ("по" is four bytes in UTF-8: no lowercase copy of other words)
        let adverbial = w.len() == 4
            && w.to_lowercase() == "по"
            && next.is_some_and(|n| lex.lookup("not_organization", n) == Some("after_po"));
        let preposition =
            !quoted && !w.contains('«') && lex.lookup("not_organization", w) == Some("preposition");
        (i >= min_before && (adverbial || preposition)).then(|| offset_in(raw, w))
    })
}

/// Whether the name is a venue where something takes place, in the locative:
/// a theatre, palace, philharmonic or hall after в / во (в областном
/// драматическом театре имени ... прошла церемония, во Дворце молодежи) or with
/// a Kazakh locative ending (Жастар сарайында, драма театрында), a mall or a
/// house of culture in the Kazakh locative (сауда орталығында). GUIDELINES
/// leaves venues out; the same theatre as a body (актеры театра, театрының
/// актерлері) stays an organization.
fn venue(ctx: &Context, raw: &str) -> bool {
    const RU: [&str; 5] = ["театре", "дворце", "филармонии", "зале", "цирке"];
    const KK: [&str; 5] = ["театрында", "сарайында", "филармониясында", "залында", "циркінде"];
    let words: Vec<String> = raw.split_whitespace().map(str::to_lowercase).collect();
    if words.last().is_some_and(|w| KK.contains(&w.as_str())) {
        return true;
    }
    // A mall or a house of culture, quoted or not, in the locative («Хан Шатыр»
    // сауда-ойын-сауық орталығында, «Шахтер» мәдениет үйінде): the gold leaves
    // all seven such mentions out (a trading house as a donor stays: «Береке»
    // сауда үйі).
    let span: Vec<String> = ctx.groups.span_text().split_whitespace().map(str::to_lowercase).collect();
    if let [.., kind, head] = span.as_slice()
        && ((["сауда", "сауда-ойын-сауық"].contains(&kind.as_str())
            && ["орталығында", "орталығындағы"].contains(&head.as_str()))
            || (["мәдениет", "сауда"].contains(&kind.as_str())
                && ["үйінде", "үйіндегі"].contains(&head.as_str())))
    {
        return true;
    }
    // So is a Russian one (в торговом центре «Атриум», торгово-развлекательный
    // центр «Керуен»): none of the gold's malls is an organization.
    if let [kind, head, ..] = span.as_slice()
        && kind.starts_with("торгов")
        && head.starts_with("центр")
    {
        return true;
    }
    let after_v = ctx
        .groups
        .before_span()
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ["в", "во"].contains(&w.to_lowercase().as_str()));
    after_v && words.iter().any(|w| RU.contains(&w.as_str()))
}

/// Whether a quoted name opens with a lowercase Cyrillic letter (клубов
/// «серебряных волонтеров»): a phrase set off in quotes, no name (names in
/// quotes are capitalized; Latin ones may not be: «jastar.kz»).
fn lowercase_quoted(raw: &str) -> bool {
    quoted(raw)
        && strip_quotes(raw)
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() && crate::alphabet::is_cyrillic(c))
}

/// Whether the words between a quoted name and its descriptor, in the same
/// match, make the quote another thing's: they open with a conjunction
/// («Жастар ресурстық орталығы» мен Қазақстанның Қызыл Ай қоғамының is two
/// names, and the words after мен are another's), or the quote names a project
/// or campaign and the descriptor is a body further on («Шаңырақ» бастамасы
/// аясында балалар үйінен), or a Kazakh locative stands between them.
fn quote_then_other_phrase(ctx: &Context, raw: &str) -> bool {
    if !quoted(raw) {
        return false;
    }
    let whole = ctx.groups.whole();
    let Some(at) = whole.find(raw) else { return false };
    let words: Vec<&str> = whole[at + raw.len()..].split_whitespace().collect();
    let (next, then) = (words.first().copied().unwrap_or(""), words.get(1).copied().unwrap_or(""));
    // a list of quoted names sharing the descriptor («Small» және «Magnum» сауда
    // желілері) is one match of its own rule
    let list = ["мен", "пен", "бен", "және", "немесе", "и", "или"].contains(&next.to_lowercase().as_str())
        && !then.starts_with(['«', '"', '“', '„']);
    // the words between the quote and the descriptor's last word
    let between = &words[..words.len().saturating_sub(1)];
    // (not a word of the person who starts one: бастамашыл тобы, an initiative group)
    let project = between.iter().any(|w| {
        let folded = crate::rules::fold(w);
        ctx.set
            .lexicon
            .lookup_prefix_len("project_word", &folded)
            .is_some_and(|(_, n)| !folded[n.min(folded.len())..].starts_with("шы"))
    });
    // a Kazakh locative after a possessive (-нда, -нде: not сауда, "trade")
    // between them says where, and the descriptor is another thing's («Бірлік»
    // спорт кешенінің базасында ... көмек қабылдау орталығын)
    let locative = ctx.lang == crate::lang::Lang::Kk
        && between
            .iter()
            .any(|w| w.chars().count() > 5 && ["нда", "нде"].iter().any(|s| w.to_lowercase().ends_with(s)));
    list || project || locative
}

/// Whether a Kazakh name opens with a place in the genitive followed by a
/// capitalized word (Алматы қаласының Жастар ...).
fn genitive_place_then_capital(raw: &str) -> bool {
    let words: Vec<&str> = raw.split_whitespace().collect();
    words
        .iter()
        .position(|w| ["ның", "нің"].iter().any(|g| w.ends_with(g)))
        .and_then(|i| words.get(i + 1))
        .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Whether the next item of a list of bodies names its own place in the
/// genitive (Алматы қаласының Экология басқармасы, Алатау ауданының әкімдігі),
/// or its own country or parent body (Қазақстан Республикасы Оқу-ағарту
/// министрлігінің ... комитеті, ҚР ...): then the first place is no shared
/// context but the first body's own.
fn next_has_own_place(following: &str) -> bool {
    following.split_whitespace().skip(1).take(4).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        [
            "ауданының",
            "облысының",
            "қаласының",
            // (the next body's own place in the nominative: ... департаменті мен
            // Алматы қаласы Білім басқармасы)
            "ауданы",
            "облысы",
            "қаласы",
            "ауылының",
            "округінің",
            "республикасы",
            "республикасының",
            "министрлігінің",
            "әкімдігінің",
            "қр",
        ]
        .contains(&w.as_str())
    })
}

pub fn normalize(ctx: &Context) -> Option<Value> {
    let raw = ctx.group("name").map(str::to_string).or_else(|| ctx.constant("name"))?;
    // A place in the genitive before a list of capitalized bodies is each one's
    // context, not one's name (Алматы қаласының Жастар саясаты басқармасымен және
    // Төтенше жағдайлар департаментімен, as the seeds' gold has it): a rule that
    // takes the place in names the coordination after the body `coord`, and
    // leaves the bodies to the rules of names alone. Before a lowercase name the
    // place stays (Жетісу облысының жастар саясаты басқармасы мен ...).
    if ctx.group("coord").is_some()
        && genitive_place_then_capital(&raw)
        && !next_has_own_place(ctx.groups.following())
    {
        return None;
    }
    // A person's title is no body (Департамент басшысы Виктория Ломакина: "the
    // department's head"): a last word of `[not_organization]`'s `title`.
    if raw.split_whitespace().last().is_some_and(|w| ctx.set.lexicon.lists("not_organization", "title", w)) {
        return None;
    }
    // Words spaced three apart or more are a site's menu, no name (Новости
    // Абайская область   Семей   Общество   Здоровье).
    if raw.contains("   ") || raw.contains('\t') {
        return None;
    }
    if ctx.constant("name").is_none()
        && (vetoed(ctx, &raw)
            || weak_at_start(ctx, &raw)
            || local_team(ctx, &raw)
            || names_a_project(ctx)
            || adverbial_end(ctx, &raw)
            || venue(ctx, &raw)
            || lowercase_quoted(&raw)
            || quote_then_other_phrase(ctx, &raw))
    {
        return None;
    }
    let name = if let Some(n) = known(ctx, &raw) {
        n
    } else if quoted(&raw) {
        // a known name in quotes, inflected («Казахмыса»): its nominative (the
        // name as written otherwise, whatever else the entry calls it)
        let bare = strip_quotes(&raw);
        let lookup = |name: &str| ctx.set.gazetteers.get(name).and_then(|g| g.lookup(&bare, ctx.lang));
        match lookup("organizations").or_else(|| lookup("media")) {
            Some((_, n)) if inflected_from(&bare, n) => n.to_string(),
            _ => bare,
        }
    } else if let Some(n) = person_named_university(ctx, &raw) {
        n
    } else {
        capitalized(&nominative_of(ctx, &strip_quotes(&raw)))
    };
    // The lexicon's list holds nominative phrases too (гражданское общество).
    if name.is_empty() || listed_as_no_name(&ctx.set.lexicon, &name, &raw) {
        return None;
    }
    // A legal form written as the last word of an unquoted name (Азаматтық
    // орталық мекемесі: name Азаматтық орталық, form мекемесі).
    let (name, trailing_form) = match split_form_word(ctx, &name) {
        Some((n, f)) if ctx.group("form").is_none() && ctx.constant("form").is_none() && !quoted(&raw) => {
            (n, Some(f))
        }
        _ => (name, None),
    };
    let form = match ctx.constant("form").or(trailing_form) {
        Some(f) => Some(f),
        None => ctx.group("form").map(|f| {
            let f = strip_quotes(f);
            // Abbreviations (ОФ, ЖШС) stay; words go to the nominative.
            if f.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                f
            } else {
                nominative_of(ctx, &f)
            }
        }),
    };
    Some(Value::Organization { name, form })
}

#[cfg(test)]
mod kk_address_tests {
    use super::kk_address_word;

    #[test]
    fn inflected_forms_of_a_name() {
        use super::inflected_from;
        assert!(inflected_from("Казахмыса", "Казахмыс"));
        assert!(inflected_from("Ведомостей", "Ведомости"));
        // the same, or another name of the entry
        assert!(!inflected_from("Казахмыс", "Казахмыс"));
        assert!(!inflected_from("AMANAT", "Аманат"));
        assert!(!inflected_from("Тенгизшевройл", "ТШО"));
        assert!(!inflected_from("Kaspi.kz", "Kaspi"));
    }

    #[test]
    fn locative_words_inside_a_clause() {
        use super::kk_locative_word;
        assert!(kk_locative_word("айларында"));
        assert!(kk_locative_word("қаласында"));
        assert!(kk_locative_word("мектепте"));
        // a capitalized word (Қорқыт Ата), a short one, a word in another case
        assert!(!kk_locative_word("Ата"));
        assert!(!kk_locative_word("Қазақстанда"));
        assert!(!kk_locative_word("жаңа"));
        assert!(!kk_locative_word("орталығы"));
        // a borrowed noun in the nominative (Ұлттық олимпиада комитеті)
        assert!(!kk_locative_word("олимпиада"));
        assert!(kk_locative_word("қалада"));
    }

    #[test]
    fn plurals_of_persons_with_a_possessive() {
        use super::kk_plural_possessive;
        assert!(kk_plural_possessive("студенттері"));
        assert!(kk_plural_possessive("қызметкерлері"));
        assert!(!kk_plural_possessive("жағдайлар"));
        assert!(!kk_plural_possessive("Балалары"));
    }

    #[test]
    fn locative_words_that_give_an_address() {
        assert!(kk_address_word("даңғылындағы"));
        assert!(kk_address_word("ауданындағы"));
        assert!(kk_address_word("көшесіндегі"));
        // "named after" and "on the matters of" belong to a body's name
        assert!(!kk_address_word("атындағы"));
        assert!(!kk_address_word("жөніндегі"));
        assert!(!kk_address_word("басқармасы"));
    }
}

#[cfg(test)]
mod quote_tests {
    use super::strip_quotes;

    #[test]
    fn outer_quotes_go_nested_ones_stay_whole() {
        assert_eq!(strip_quotes("«НК «Қазақстан темір жолы»»"), "НК «Қазақстан темір жолы»");
        assert_eq!(strip_quotes(" «Нан-Жай» "), "Нан-Жай");
        assert_eq!(strip_quotes("\"Ак  ниет\""), "Ак ниет");
    }
}
