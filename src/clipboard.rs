//! Copying to the clipboard through the terminal: OSC 52.
//!
//! The explorer writes an escape sequence that asks the terminal itself to set its clipboard,
//! so copying works over SSH and needs no clipboard tool on the machine that runs gnlc.
//!
//! Inside tmux it is sent twice, because tmux has two doors and either may be shut: plain,
//! which tmux takes with `set-clipboard on` (it keeps it in its buffer and passes it on to the
//! outer terminal), and wrapped in tmux's passthrough (`ESC Ptmux; ... ESC \`, the ESC of the
//! sequence doubled), which reaches the outer terminal with `allow-passthrough on`. tmux
//! drops what it does not allow, so at worst the outer terminal sets the same text twice.
//! The bytes come from a pure function so tests can check them exactly.

use base64::Engine as _;

/// The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; BASE64 BEL`; when `tmux` is
/// true (`$TMUX` set), followed by the same wrapped for tmux's passthrough.
pub fn osc52(text: &str, tmux: bool) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let sequence = format!("\x1b]52;c;{encoded}\x07");
    if tmux {
        // Inside the passthrough every ESC is doubled; the payload (base64) has none, so only
        // the sequence's own ESC is.
        format!("{sequence}\x1bPtmux;\x1b{sequence}\x1b\\").into_bytes()
    } else {
        sequence.into_bytes()
    }
}

/// True when `$TMUX` is set and not empty (running inside tmux).
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}
