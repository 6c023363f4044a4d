//! `vanban::fuzzing::word` over arbitrary bytes; see that function.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| vanban::fuzzing::word(bytes));
