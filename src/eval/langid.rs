//! Language-identification accuracy on a `{"id","lang","text"}` JSON Lines file.
//! (stub: being written)
