//! Text utilities shared by the registry checks and the engine.

pub(crate) mod names;
