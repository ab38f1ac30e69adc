//! Copying to the clipboard through the terminal: OSC 52.
//!
//! The explorer writes an escape sequence that asks the terminal itself to set its clipboard,
//! so copying works over SSH and needs no clipboard tool on the machine that runs gnlc. Inside
//! tmux the sequence is wrapped in tmux's passthrough (`ESC Ptmux; ... ESC \`, every ESC of
//! the sequence doubled) so tmux hands it to the outer terminal; tmux with `set-clipboard on`
//! also keeps it in its own buffer. The sequence is built by a pure function so tests can
//! check its exact bytes.

use base64::Engine as _;

/// The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; BASE64 BEL`, wrapped for tmux
/// passthrough when `tmux` is true (`$TMUX` set).
pub fn osc52(text: &str, tmux: bool) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let sequence = format!("\x1b]52;c;{encoded}\x07");
    if tmux {
        // Inside the passthrough every ESC is doubled; the payload (base64) has none, so only
        // the sequence's own ESC is.
        format!("\x1bPtmux;\x1b{sequence}\x1b\\").into_bytes()
    } else {
        sequence.into_bytes()
    }
}

/// True when `$TMUX` is set and not empty (running inside tmux).
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}
