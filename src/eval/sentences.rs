//! Sentence-boundary errors on a `{"text","bounds"}` JSON Lines file.
//! (stub: being written)
