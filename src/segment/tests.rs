//! Hand-written cases for [`super::split`], Russian and Kazakh.

use super::split;

/// The sentences of `text`, after checking the properties every split must have.
fn sents(text: &str) -> Vec<&str> {
    let ranges = split(text);
    check(text, &ranges);
    ranges.into_iter().map(|r| &text[r]).collect()
}

/// Ranges in order, not overlapping, on char boundaries, non-empty, trimmed, and
/// together covering every non-whitespace character.
fn check(text: &str, ranges: &[std::ops::Range<usize>]) {
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for r in ranges {
        assert!(r.start >= last && r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        assert_eq!(s, s.trim(), "untrimmed {s:?}");
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        last = r.end;
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at {i} not covered in {text:?}");
    }
}

fn n(text: &str) -> usize {
    sents(text).len()
}

#[test]
fn plain_sentences_both_languages() {
    assert_eq!(
        sents("Волонтеры помогли пенсионерам. Акция прошла в Алматы! Кто следующий?"),
        ["Волонтеры помогли пенсионерам.", "Акция прошла в Алматы!", "Кто следующий?"]
    );
    assert_eq!(
        sents("Еріктілер қарттарға көмектесті. Акция Астанада өтті! Келесі кім?"),
        ["Еріктілер қарттарға көмектесті.", "Акция Астанада өтті!", "Келесі кім?"]
    );
    assert_eq!(
        sents("Что?! Не может быть!!! Правда?.. Да."),
        ["Что?!", "Не может быть!!!", "Правда?..", "Да."]
    );
}

#[test]
fn lowercase_after_period_is_no_boundary() {
    assert_eq!(n("Сумма составила 5 тыс. тенге на человека."), 1);
    assert_eq!(n("Он приехал в 9 ч. утра."), 1);
    assert_eq!(n("Это было в 2020 ж. наурызда."), 1);
}

#[test]
fn russian_head_abbreviations() {
    for t in [
        "Он живет в г. Алматы на ул. Абая.",
        "Школа им. Абая открылась в мкр. Самал.",
        "Выступил проф. Иванов из Алматинской обл., затем акад. Петров.",
        "Термин (англ. Volunteer) пришел из латыни.",
        "Приказ утв. Министерством 5 дек. 2023 г. № 12.",
    ] {
        assert_eq!(n(t), 1, "{t}");
    }
}

#[test]
fn russian_tail_abbreviations_end_before_capital() {
    assert_eq!(
        sents("Собрали одежду, книги и т.д. В акции участвовали 50 человек."),
        ["Собрали одежду, книги и т.д.", "В акции участвовали 50 человек."]
    );
    assert_eq!(
        sents("Приходили студенты, пенсионеры и др. Всех накормили."),
        ["Приходили студенты, пенсионеры и др.", "Всех накормили."]
    );
    assert_eq!(
        sents("Бюджет проекта – 5 млн. Деньги выделил акимат."),
        ["Бюджет проекта – 5 млн.", "Деньги выделил акимат."]
    );
    assert_eq!(n("Помогли детям, т.е. воспитанникам детдомов, и т. п. вещам."), 1);
    // Spaced `т. д.` works like `т.д.`.
    assert_eq!(n("Книги, игрушки и т. д. Все это раздали."), 2);
    assert_eq!(n("Собрано 300 тыс. руб. на лечение."), 1);
}

#[test]
fn years_and_centuries() {
    assert_eq!(
        sents("Фонд создан в 2019 г. В нем 30 волонтеров."),
        ["Фонд создан в 2019 г.", "В нем 30 волонтеров."]
    );
    assert_eq!(n("В 1990-х гг. здесь был завод."), 1);
    assert_eq!(n("Храм построен в XIV в. Затем его перестроили."), 2);
    assert_eq!(n("Это было в 2008 г. № 142 приказа."), 1);
    // after a numbered body, г. names its city
    assert_eq!(n("Фонд закупил для больницы №2 г. Алматы два аппарата."), 1);
    assert_eq!(n("Ученики школы № 15 г. Павлодара победили."), 1);
}

#[test]
fn kazakh_abbreviations() {
    assert_eq!(
        sents("Қор 2019 ж. құрылды. Онда 30 ерікті бар."),
        ["Қор 2019 ж. құрылды.", "Онда 30 ерікті бар."]
    );
    assert_eq!(
        sents("Киім, кітап, ойыншық т.б. Барлығы балаларға берілді."),
        ["Киім, кітап, ойыншық т.б.", "Барлығы балаларға берілді."]
    );
    assert_eq!(n("Азық-түлік, дәрі-дәрмек т.с.с. Көмек жетті."), 2);
    assert_eq!(n("Іс-шара 2022-2023 жж. аралығында өтті."), 1);
    assert_eq!(n("Шара 12 ақп. Астанада өтті."), 1);
    assert_eq!(n("Кездесу Абай көш. 12 үйде өтті."), 1);
    assert_eq!(n("Баяндама жасаған т.ғ.к. Сәрсенов болды."), 1);
}

#[test]
fn initials() {
    for t in [
        "Аким Е. Досаев поддержал волонтеров.",
        "Президент Қ.Тоқаев қол қойды.",
        "Стихи А. С. Пушкина читали дети.",
        "Стихи А.С. Пушкина читали дети.",
        "Мемлекет басшысы Қ. Тоқаев еріктілерді марапаттады.",
    ] {
        assert_eq!(n(t), 1, "{t}");
    }
}

#[test]
fn numbers_and_dates() {
    assert_eq!(n("Собрано 51,5 тонны помощи и 51.5 тыс. тенге."), 1);
    assert_eq!(n("Акция прошла 5.12.2023 в 12.30 в Алматы."), 1);
    assert_eq!(sents("Всего заявок было 649. Нашли всех."), ["Всего заявок было 649.", "Нашли всех."]);
    // A list number opening a sentence stays with its item.
    assert_eq!(sents("Задачи такие. 1. Помогать людям."), ["Задачи такие.", "1. Помогать людям."]);
    assert_eq!(n("IV. Итоги года"), 1);
}

#[test]
fn quotes_and_dashes() {
    assert_eq!(n("«Мы рады помочь», – сказала она."), 1);
    assert_eq!(n("«Спасибо волонтерам!» – сказала она. "), 1);
    assert_eq!(n("«Рахмет еріктілерге!» – деді ол."), 1);
    assert_eq!(
        sents("«Мы рады. Приходите еще», – отметил он. Акция продолжится."),
        ["«Мы рады.", "Приходите еще», – отметил он.", "Акция продолжится."]
    );
    assert_eq!(sents("Он сказал: «Приходите!» Все пришли."), ["Он сказал: «Приходите!»", "Все пришли."]);
    assert_eq!(
        sents("Он ответил \"нет\". \"Почему?\" – спросили его."),
        ["Он ответил \"нет\".", "\"Почему?\" – спросили его."]
    );
    // A dash after a period starts a new remark.
    assert_eq!(n("Будет лучше. – Конечно, – ответил он."), 2);
}

#[test]
fn ellipsis() {
    assert_eq!(n("Мы ждали… Никто не пришел."), 2);
    assert_eq!(n("Мы ждали... Никто не пришел."), 2);
    assert_eq!(n("Мы ждали… и дождались."), 1);
    assert_eq!(n("Біз күттік... Ешкім келмеді."), 2);
}

#[test]
fn closing_brackets_and_lists() {
    assert_eq!(
        sents("Помощь собрали (всего 51 тонну). Ее отправили в Турцию."),
        ["Помощь собрали (всего 51 тонну).", "Ее отправили в Турцию."]
    );
    // Numbered items after semicolons are sentences of their own, as in razdel's
    // corpora; a number that a bracket closes is not a smiley.
    assert_eq!(
        sents("Задачи: 1) помогать; 2) обучать; 3) поддерживать."),
        ["Задачи: 1) помогать;", "2) обучать;", "3) поддерживать."]
    );
    assert_eq!(n("Задачи: помогать; обучать; Поддерживать."), 2);
    assert_eq!(n("Так говорится в законе (ст. 5 п. 2)."), 1);
    assert_eq!(n("Было весело :) Приходите еще."), 2);
}

#[test]
fn headline_without_period() {
    assert_eq!(
        sents("Алматинские волонтеры провели марафон добрых дел\nВ Алматы завершился марафон."),
        ["Алматинские волонтеры провели марафон добрых дел", "В Алматы завершился марафон."]
    );
    assert_eq!(
        sents("Алматыда еріктілер саны 50 мыңнан асады\nМегаполисте 30 ұйым бар."),
        ["Алматыда еріктілер саны 50 мыңнан асады", "Мегаполисте 30 ұйым бар."]
    );
    // A wrapped line goes on: lowercase next line, comma, preposition, hyphen.
    assert_eq!(n("Волонтеры помогли\nпенсионерам города."), 1);
    assert_eq!(n("Волонтеры помогли пенсионерам,\nДетям и Животным."), 1);
    assert_eq!(n("Акция прошла в\nАлматы и Астане."), 1);
    assert_eq!(n("Еріктілер қарттарға және\nБалаларға көмектесті."), 1);
    assert_eq!(n("Волонтер-\nлар помогли."), 1);
}

#[test]
fn photo_captions() {
    assert_eq!(
        sents("Волонтеры на акции Источник фото: РСК Алматы\n\nНе остаются без внимания дети."),
        ["Волонтеры на акции Источник фото: РСК Алматы", "Не остаются без внимания дети."]
    );
    assert_eq!(
        sents("Фото: пресс-служба акимата\nВолонтеры раздали чай."),
        ["Фото: пресс-служба акимата", "Волонтеры раздали чай."]
    );
}

#[test]
fn speaker_captions_in_capitals() {
    assert_eq!(
        sents(
            "ТАТЬЯНА МИРОНЮК, «ҰЛТТЫҚ ВОЛОНТЕРЛІК ЖЕЛІ» ЗТБ АТҚАРУШЫ ДИРЕКТОРЫ:\n- Жол картасы өз күшін жойды."
        ),
        [
            "ТАТЬЯНА МИРОНЮК, «ҰЛТТЫҚ ВОЛОНТЕРЛІК ЖЕЛІ» ЗТБ АТҚАРУШЫ ДИРЕКТОРЫ:",
            "- Жол картасы өз күшін жойды."
        ]
    );
    // An ordinary colon at a line end introduces what follows.
    assert_eq!(n("Программа включает:\nОбучение и практику."), 1);
}

#[test]
fn datelines() {
    assert_eq!(
        sents("АЛМАТЫ, 5 декабря. КазТАГ –\nВолонтеры провели акцию."),
        ["АЛМАТЫ, 5 декабря.", "КазТАГ –", "Волонтеры провели акцию."]
    );
    let s = sents("Астана. 12 наурыз. ҚазАқпарат\nЕріктілер акция өткізді.");
    assert_eq!(s.last(), Some(&"Еріктілер акция өткізді."));
    assert!(s[s.len() - 2].ends_with("ҚазАқпарат"));
    // The outlet a dateline names after its date stays on the dateline; a quoted
    // sentence after a year does not.
    assert_eq!(
        sents("Семей, 11 июня 2025. «Вести Семей»\nВолонтеры помогли."),
        ["Семей, 11 июня 2025. «Вести Семей»", "Волонтеры помогли."]
    );
    assert_eq!(
        sents("Акция прошла в 2025. «Мы рады», – сказал он."),
        ["Акция прошла в 2025.", "«Мы рады», – сказал он."]
    );
    // The time of day after a dateline's year and period is the date's; a time
    // after any other sentence starts the next one.
    assert_eq!(
        sents("Атырау. 3 сәуір 2024. 17:20\nКөмек жөнелтілді."),
        ["Атырау.", "3 сәуір 2024. 17:20", "Көмек жөнелтілді."]
    );
    assert_eq!(
        sents("Ақтау. 29 желтоқсан 2024 жыл. 17:05\nСыйлық берілді.")[1],
        "29 желтоқсан 2024 жыл. 17:05"
    );
    assert_eq!(
        sents("Штаб работает до вечера. 17:30 – начало раздачи."),
        ["Штаб работает до вечера.", "17:30 – начало раздачи."]
    );
}

#[test]
fn widget_timestamps_and_counters() {
    assert_eq!(
        sents("Последние новости\n12:45\n14 декабря 2023 12:30\n👁 1234\nВолонтеры помогли."),
        ["Последние новости", "12:45", "14 декабря 2023 12:30", "👁 1234", "Волонтеры помогли."]
    );
    assert_eq!(sents("Нравится\n0\nСмешно\n0"), ["Нравится", "0", "Смешно", "0"]);
}

#[test]
fn crlf_line_endings() {
    let text = "Заголовок новости\r\nПервое предложение. Второе.\r\n\r\nАбзац\r\n";
    assert_eq!(sents(text), ["Заголовок новости", "Первое предложение.", "Второе.", "Абзац"]);
    assert_eq!(sents("Бірінші\rЕкінші"), ["Бірінші", "Екінші"]);
}

#[test]
fn blank_line_always_ends() {
    assert_eq!(n("Волонтеры помогли\n\nпенсионерам"), 2);
    assert_eq!(n("Программа включает:\n\nобучение"), 2);
}

#[test]
fn pretokenized_text() {
    assert_eq!(sents("Слово , слово . Другое слово ."), ["Слово , слово .", "Другое слово ."]);
    assert_eq!(sents("Он сказал : \" Да . \" Потом ушел ."), ["Он сказал : \" Да . \"", "Потом ушел ."]);
    assert_eq!(n("Это было в 1990 г . В тот год ."), 2);
    assert_eq!(n("Книги , игрушки и т . п . Все раздали ."), 2);
}

#[test]
fn odd_inputs_keep_the_properties() {
    assert!(split("").is_empty());
    assert!(split("   \n\t \r\n ").is_empty());
    assert_eq!(sents("  Одно  "), ["Одно"]);
    assert_eq!(sents("Раз\0два. Три\0четыре."), ["Раз\0два.", "Три\0четыре."]);
    assert_eq!(n("..."), 1);
    assert_eq!(n(". . ! ? ;"), 1);
    assert_eq!(n("😀😀 🎉. 👍 Ok"), 2);
    assert_eq!(n("Алматы 🎉 Almaty 阿拉木图. Қала."), 2);
    assert_eq!(n("«»()\"\"''—–-"), 1);
    assert_eq!(n("\u{a0}Текст\u{a0}.\u{a0}Ещё\u{2028}Строка\u{2029}"), 3);
    assert_eq!(n(")))) ((((  :) :( ;) =)"), 1);
    for text in ["т.", "г. ", " А.", "1.", "\"", "»", "\r", "\n\n.", "?\n", "-\n-", "(\n)", "a;\nB"] {
        sents(text);
    }
}

#[test]
fn long_line_without_punctuation() {
    let word = "волонтер ";
    let text = word.repeat(300_000);
    assert_eq!(sents(&text).len(), 1);
    let dotted = "т.д. ".repeat(100_000) + "А. ".repeat(100_000).as_str();
    let s = split(&dotted);
    check(&dotted, &s);
    let quotes = "\" . ".repeat(100_000);
    check(&quotes, &split(&quotes));
}

/// Pseudo-random strings over the characters the rules look at: the properties
/// hold and nothing panics.
#[test]
fn random_inputs_keep_the_properties() {
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        "\t",
        "\u{a0}",
        "\u{2028}",
        ".",
        "...",
        "…",
        "?",
        "!",
        ";",
        ":",
        ",",
        "\"",
        "«",
        "»",
        "(",
        ")",
        ":)",
        "-",
        "–",
        "—",
        "т.д",
        "г",
        "ж",
        "А",
        "Қ",
        "слово",
        "Сөз",
        "2023",
        "5",
        "IV",
        "млн",
        "ул",
        "т",
        "д",
        "😀",
        "\0",
        "é",
        "阿",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        sents(&text);
    }
}

#[test]
fn ambiguous_short_words() {
    assert_eq!(n("Волонтеры помогли им. Они были рады."), 2);
    assert_eq!(n("Лицей им. Абая принял гостей."), 1);
    assert_eq!(n("Привезли книги, одежду и пр. Всё раздали."), 2);
    assert_eq!(n("Машина доставила груз. Затем волонтеры его разгрузили."), 2);
    assert_eq!(n("Начался второй тур. В нем участвуют 20 команд."), 2);
    assert_eq!(n("Он оставил его там. Итак, мы вернулись."), 2);
}
