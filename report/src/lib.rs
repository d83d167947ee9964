//! # smi-report
//!
//! The full report as a PDF, made in the visitor's browser: the widget's request (the answers
//! and the words around them) becomes the engine's report model
//! ([`smi_engine::result::report::from_request`]), which [`layout::pdf`] lays out on A4 pages with krilla, with real
//! text in subset embedded fonts, the outline, the document's title and language, links and
//! a QR code of the result's link on every page.
//!
//! Built as a wasm of its own with no imports and no JS glue: the loader
//! (`src/js/loader/report.js`) fetches it and the fonts on the first request, with their
//! integrity checked, copies the request (JSON), the fonts and the logo's pixels in through
//! `report_alloc`, and calls `report_build`.

pub mod layout;
pub mod text;

use layout::Logo;
use smi_engine::result::report::{from_request, ReportRequest};
use text::Fonts;

/// The report's PDF, and its page count, from the widget's request (JSON), the fonts and the
/// logo: the report is made here ([`from_request`]), then laid out.
pub fn build(
    request: &str,
    sans: Vec<u8>,
    arabic: Option<Vec<u8>>,
    logo: Option<Logo>,
) -> Result<(Vec<u8>, usize), String> {
    let request: ReportRequest = serde_json::from_str(request)
        .map_err(|e| format!("the report's request is malformed: {e}"))?;
    let report = from_request(&request)?;
    let font = |data: Vec<u8>, name: &str| {
        text::FontFile::new(data).ok_or_else(|| format!("the {name} font cannot be read"))
    };
    let fonts = Fonts {
        sans: font(sans, "sans")?,
        arabic: arabic.map(|a| font(a, "Arabic")).transpose()?,
    };
    layout::pdf(&report, &fonts, logo)
}

#[cfg(target_arch = "wasm32")]
mod abi {
    //! The loader's calls. Buffers the loader fills come from `report_alloc` and are taken
    //! back by `report_build`; its answer stays until the next build.
    use std::cell::RefCell;

    thread_local! {
        static OUTPUT: RefCell<(Vec<u8>, usize)> = const { RefCell::new((Vec::new(), 0)) };
    }

    /// A buffer of `len` bytes for the loader to fill.
    #[unsafe(no_mangle)]
    pub extern "C" fn report_alloc(len: usize) -> *mut u8 {
        let mut buffer = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len.max(1)));
        buffer.as_mut_ptr()
    }

    unsafe fn take(ptr: *mut u8, len: usize) -> Option<Vec<u8>> {
        // SAFETY: the loader passes back a buffer from `report_alloc(len)`, filled, once.
        (!ptr.is_null() && len > 0).then(|| unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) })
    }

    /// Builds the report; 0 when the output is the PDF, 1 when it is why not (UTF-8).
    ///
    /// # Safety
    /// Each pointer comes from `report_alloc` with the length given, or is null.
    #[unsafe(no_mangle)]
    #[allow(clippy::too_many_arguments)]
    pub unsafe extern "C" fn report_build(
        model: *mut u8,
        model_len: usize,
        sans: *mut u8,
        sans_len: usize,
        arabic: *mut u8,
        arabic_len: usize,
        logo: *mut u8,
        logo_width: u32,
        logo_height: u32,
    ) -> u32 {
        let model = unsafe { take(model, model_len) }.unwrap_or_default();
        let sans = unsafe { take(sans, sans_len) }.unwrap_or_default();
        let arabic = unsafe { take(arabic, arabic_len) };
        let logo_len = logo_width as usize * logo_height as usize * 4;
        let logo = unsafe { take(logo, logo_len) }.map(|rgba| super::Logo {
            rgba,
            width: logo_width,
            height: logo_height,
        });
        let model = String::from_utf8_lossy(&model);
        let (status, output) = match super::build(&model, sans, arabic, logo) {
            Ok((bytes, pages)) => (0, (bytes, pages)),
            Err(why) => (1, (why.into_bytes(), 0)),
        };
        OUTPUT.with(|o| *o.borrow_mut() = output);
        status
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn report_output_ptr() -> *const u8 {
        OUTPUT.with(|o| o.borrow().0.as_ptr())
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn report_output_len() -> usize {
        OUTPUT.with(|o| o.borrow().0.len())
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn report_pages() -> usize {
        OUTPUT.with(|o| o.borrow().1)
    }
}
