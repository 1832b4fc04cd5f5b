//! Helpers shared by the integration tests.

// Not every test reads every part of the corpus.
#[allow(dead_code)]
pub mod corpus;
// Only the tests that spawn the binary in a home of their own use it.
#[allow(dead_code)]
pub mod home;
// Only the screen tests draw the reader.
#[allow(dead_code)]
pub mod screens;
// Only the library screen's tests build a library.
#[allow(dead_code)]
pub mod library;
// Only the tests of what drawing keeps between frames use it.
#[allow(dead_code)]
pub mod cache;
// Only the tests that run the binary on files of their own use it.
#[allow(dead_code)]
pub mod run;
