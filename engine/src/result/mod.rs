//! What a result shows: the matrix geometry (`matrix`), the card as SVG (`card`), the
//! comparison with a benchmark pack (`benchmark`), the interface text and its templates
//! (`text`), the calendars dates are written in (`calendar`) and the visitor's earlier
//! results with what moved since (`progress`), and a team's results together (`team`). Depends
//! on `assessment`.

pub mod benchmark;
pub mod calendar;
pub mod card;
pub mod matrix;
pub mod progress;
pub mod report;
pub mod team;
pub mod text;
