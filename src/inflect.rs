//! Inflected forms of gazetteer lemmas: Russian case endings and Kazakh suffixes
//! with vowel harmony and consonant assimilation. (stub: being written)

/// Every surface form of a Russian lemma (the lemma itself included).
pub fn ru_forms(lemma: &str) -> Vec<String> {
    vec![lemma.to_string()]
}

/// Every surface form of a Kazakh lemma (the lemma itself included).
pub fn kk_forms(lemma: &str) -> Vec<String> {
    vec![lemma.to_string()]
}
