//! What a result shows: the matrix geometry (`matrix`), the card as SVG (`card`), the
//! comparison with a benchmark pack (`benchmark`), the interface text and its templates
//! (`text`), the calendars dates are written in (`calendar`) and the visitor's earlier
//! results with what moved since (`progress`), a team's results together (`team`), and the
//! noise that keeps benchmark packs private (`privacy`). Depends
//! on `assessment`.

pub mod benchmark;
pub mod calendar;
pub mod card;
pub mod matrix;
pub mod privacy;
pub mod progress;
pub mod report;
pub mod team;
pub mod text;
