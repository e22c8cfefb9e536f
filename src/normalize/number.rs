//! Numbers written in digits or words, Russian and Kazakh. (stub: being written)
