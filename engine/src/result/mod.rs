//! What a result shows: the matrix geometry (`matrix`), the card as SVG (`card`), the
//! comparison with a benchmark pack (`benchmark`), the interface text and its templates
//! (`text`) and the calendars dates are written in (`calendar`). Depends on `assessment`.

pub mod benchmark;
pub mod calendar;
pub mod card;
pub mod matrix;
pub mod report;
pub mod text;
