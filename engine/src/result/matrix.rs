//! The SMI's 2×2 matrix as geometry: where each category's quadrant lies for a threshold,
//! and where a quadrant's name goes so that it does not cover the company's dot. The
//! widget's matrix (`ui::matrix`) and the card's (`card`) both draw from this one table.

use crate::assessment::questionnaire::CategoryId;

/// One quadrant of a square plot `size` across, y growing downward (investment grows up).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quadrant {
    pub category: CategoryId,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

impl Quadrant {
    /// Whether this quadrant's name moves to its top, off a dot at `dot_y` (plot units):
    /// true when the dot is in the quadrant's lower half.
    pub fn name_at_top(&self, dot_y: i32) -> bool {
        2 * dot_y > 2 * self.y + self.height
    }
}

/// The quadrants in reading order (top row first, innovation growing to the right), for a
/// plot `size` units across split at `threshold` percent on both axes.
pub fn quadrants(threshold: u8, size: i32) -> [Quadrant; 4] {
    let t = i32::from(threshold) * size / 100;
    let q = |category, x, y, width, height| Quadrant {
        category,
        x,
        y,
        width,
        height,
    };
    [
        q(CategoryId::Conservative, 0, 0, t, size - t),
        q(CategoryId::SocialFirst, t, 0, size - t, size - t),
        q(CategoryId::Observer, 0, size - t, t, t),
        q(CategoryId::Participant, t, size - t, size - t, t),
    ]
}

/// The dot's position for two scores on a plot `size` across: (x, y).
pub fn dot(investment: u8, innovation: u8, size: i32) -> (i32, i32) {
    (
        i32::from(innovation) * size / 100,
        size - i32::from(investment) * size / 100,
    )
}
