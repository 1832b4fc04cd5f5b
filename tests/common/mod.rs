//! Helpers shared by the integration tests.

pub mod corpus;
// Only the tests that spawn the binary in a home of their own use it.
#[allow(dead_code)]
pub mod home;
