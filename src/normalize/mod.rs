//! Normalizers: from the text captured by a rule's named groups to the value
//! shapes of the annotation guidelines. (stub: being written)

pub mod number;
