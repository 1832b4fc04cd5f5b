//! The PDF front-end on small generated PDFs: plain text, a page without
//! text, and the failures (encrypted, images only, fonts without a Unicode
//! map, damaged, over the limits), plus truncated and bit-flipped corpus
//! PDFs, none of which may panic.

use std::time::Duration;

use brief::brief::import::pdf::{Limits, PdfError, lines, lines_within};
use proptest::prelude::*;

/// A PDF of the given objects (numbered from 1; 1 is the catalog) with a
/// correct cross-reference table.
fn pdf(objects: &[String], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let size = objects.len() + 1;
    out.extend(
        format!("trailer\n<< /Size {size} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{data}\nendstream",
        data.len()
    )
}

/// Catalog, one page per content stream, and the given font and image as
/// objects after them.
fn document(contents: &[&str], font: &str) -> Vec<String> {
    let n = contents.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    let font_id = 3 + 2 * n;
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
    ];
    for (i, content) in contents.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents {} 0 R \
             /Resources << /Font << /F1 {font_id} 0 R >> /XObject << /Im1 {} 0 R >> >> >>",
            4 + 2 * i,
            font_id + 1
        ));
        objects.push(stream("", content));
    }
    objects.push(font.to_string());
    objects.push(stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        "\u{7f}",
    ));
    objects
}

const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
const TEXT: &str = "BT /F1 12 Tf 20 150 Td (Hello brief) Tj ET";

#[test]
fn a_simple_font_gives_its_text_with_page_and_position() {
    let lines = lines(&pdf(&document(&[TEXT, "", TEXT], HELVETICA), "")).expect("a readable PDF");
    let texts: Vec<(&str, Option<u32>)> = lines.iter().map(|l| (l.text.as_str(), l.page)).collect();
    assert_eq!(texts, [("Hello brief", Some(1)), ("Hello brief", Some(3))]);
    let hints = lines[0].layout.as_ref().expect("hints");
    assert_eq!(
        (hints.x, hints.y, hints.font_size, hints.bold),
        (20.0, 50.0, 12.0, true)
    );
    assert_eq!((hints.page_width, hints.page_height), (200.0, 200.0));
}

#[test]
fn sideways_and_diagonal_text_is_left_out() {
    let content = format!(
        "{TEXT} BT /F1 12 Tf 0 1 -1 0 190 20 Tm (Sideways) Tj ET \
         BT /F1 30 Tf 0.7 0.7 -0.7 0.7 40 40 Tm (DRAFT) Tj ET"
    );
    let lines = lines(&pdf(&document(&[&content], HELVETICA), "")).expect("a readable PDF");
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["Hello brief"]);
}

#[test]
fn a_password_protected_pdf_says_it_is_encrypted() {
    let mut objects = document(&[TEXT], HELVETICA);
    let hash = "A".repeat(64);
    objects.push(format!(
        "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hash}> /U <{hash}> >>"
    ));
    let trailer = format!(
        "/Encrypt {} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
        objects.len()
    );
    let err = lines(&pdf(&objects, &trailer)).expect_err("no password");
    assert_eq!(err, PdfError::Encrypted);
    assert!(err.to_string().contains("encrypted"), "{err}");
}

#[test]
fn scanned_pages_need_ocr() {
    let image = "q 200 0 0 200 0 0 cm /Im1 Do Q";
    let err = lines(&pdf(&document(&[image, image], HELVETICA), "")).expect_err("no text");
    assert_eq!(err, PdfError::NoText { images: true });
    assert!(err.to_string().contains("OCR"), "{err}");
    let blank = lines(&pdf(&document(&[""], HELVETICA), "")).expect_err("no text");
    assert_eq!(blank, PdfError::NoText { images: false });
}

#[test]
fn a_font_without_a_unicode_map_names_its_pages() {
    let cid_font = "<< /Type /Font /Subtype /Type0 /BaseFont /Unmapped /Encoding /Identity-H \
        /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unmapped \
        /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>] >>";
    let glyphs = "BT /F1 12 Tf 20 150 Td <0041004200430044> Tj ET";
    let err = lines(&pdf(&document(&["", glyphs, glyphs], cid_font), "")).expect_err("unmapped");
    assert_eq!(err, PdfError::UnmappedGlyphs { pages: vec![2, 3] });
    assert!(err.to_string().contains("pages 2, 3"), "{err}");
}

#[test]
fn what_is_not_a_pdf_is_damaged() {
    for bytes in [&b""[..], b"%PDF-1.7\n", b"hello, world", &[0xff; 64]] {
        let err = lines(bytes).expect_err("not a PDF");
        assert!(matches!(err, PdfError::Damaged(_)), "{err:?}");
        assert!(!err.to_string().contains('\n'), "one line: {err}");
    }
}

#[test]
fn limits_stop_large_and_slow_files() {
    let bytes = pdf(&document(&[TEXT], HELVETICA), "");
    let small = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    assert_eq!(lines_within(&bytes, small), Err(PdfError::TooLarge));
    let few_glyphs = Limits {
        max_glyphs_per_page: 3,
        ..Limits::default()
    };
    assert_eq!(lines_within(&bytes, few_glyphs), Err(PdfError::TooLarge));
    let no_time = Limits {
        time: Duration::ZERO,
        ..Limits::default()
    };
    assert_eq!(lines_within(&bytes, no_time), Err(PdfError::TooSlow));
}

#[test]
fn a_line_of_a_hundred_thousand_glyphs_is_read_whole() {
    let long = format!("BT /F1 1 Tf 0 100 Td ({}) Tj ET", "ab".repeat(50_000));
    let lines = lines(&pdf(&document(&[&long], HELVETICA), "")).expect("a readable PDF");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text.len(), 100_000);
}

/// The corpus PDF to damage, or the generated one when the corpus is absent.
fn victim() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/briefs/pdf/kiep-2025-18.pdf"
    );
    match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(_) => {
            assert_ne!(
                std::env::var("CI").as_deref(),
                Ok("true"),
                "{path} is missing on CI"
            );
            println!("the corpus is missing: damaging a generated PDF instead");
            pdf(&document(&[TEXT, TEXT], HELVETICA), "")
        }
    }
}

#[test]
fn truncated_pdfs_never_panic() {
    let bytes = victim();
    let step = (bytes.len() / 97).max(1);
    for end in (0..bytes.len()).step_by(step) {
        if let Err(e) = lines(&bytes[..end]) {
            assert!(!e.to_string().is_empty() && !e.to_string().contains('\n'));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn bit_flipped_pdfs_never_panic(flips in prop::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..16)) {
        let mut bytes = victim();
        for (at, bit) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        if let Ok(lines) = lines(&bytes) {
            prop_assert!(lines.iter().all(|l| !l.text.trim().is_empty() && l.page.is_some()));
        }
    }
}
