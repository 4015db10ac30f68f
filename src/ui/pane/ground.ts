// What xterm's parser and buffers are known to be in after some output: enough for skip.ts to
// tell where plain text may be left unparsed without changing what parsing it would give. It
// follows the output conservatively: when unsure it says "not known", which only costs speed.
//
// Parser state. An ESC, and the C1 introducers CSI (U+009B), OSC (U+009D), DCS (U+0090),
// SOS/PM/APC (U+0098, U+009E, U+009F), leave any sequence or string in xterm's VT500 table
// (EscapeSequenceParser.ts: "global anywhere rules"; in OSC_STRING and DCS_PASSTHROUGH an ESC
// ends the string and goes on to ESCAPE). So the state after the output depends only on the
// text after the last introducer, and is ground when that text is
//   - a complete CSI: ESC [ or U+009B, bytes 0x20-0x3F, a final byte 0x40-0x7E, nothing else;
//   - a complete ESC sequence: ESC, intermediates 0x20-0x2F, a final 0x30-0x7E other than the
//     introducers P X ] ^ _ [;
//   - an OSC ended by BEL;
// followed by anything but an introducer (in ground, every other character prints, executes
// or is ignored, and stays in ground). No introducer ever seen is ground too. Anything else
// (a C0 control inside a CSI, an OSC ended by ST or CAN, a DCS, ...) is "not known" until the
// next introducer.
//
// Buffers and margins. Line feeds scroll the whole screen into the scrollback only when the
// active buffer's scroll region is the whole screen, so that is followed too. xterm.js sets a
// region only with DECSTBM (CSI Pt;Pb r, no prefix or intermediates) and only on the active
// buffer; it switches buffers only with DECSET/DECRST 47, 1047 and 1049 (CSI ? Pm h/l) and RIS
// (ESC c, which makes fresh buffers). The alternate buffer is cleared, region included, when
// the normal one becomes active again, and a resize only ever widens a whole-screen region to
// the new size; so the alternate buffer's region is whole while it is inactive. DECSTBM counts
// as resetting the region only in its forms that certainly do (CSI r, CSI 1;0 r, ...); any other
// DECSTBM marks the region "maybe set". A sequence that xterm may still act on but that is not
// followed exactly (a CSI with a control inside, r/h/l with odd parameters) makes the tracker
// lost until the next RIS: it then never calls the region whole.

const enum State {
  Ground,
  Unknown,
  Esc,
  EscIntermediate,
  Csi,
  Osc,
}

/** Plain text: prints or moves the cursor without changing any mode. */
export const NON_PLAIN = /[^\t\n\r\x20-\x7e\xa0-\uffff]/g;

const ALT_MODES = new Set([47, 1047, 1049]);
const CSI_BODY_MAX = 128;
// The forms of DECSTBM that always make the region the whole screen: top 0 or 1, no bottom or 0.
const DECSTBM_RESET = /^0*1?(;0*)?$/;
const CSI_SHAPE = /^([<=>?]?)([0-9:;]*)([\x20-\x2f]*)$/;

export class GroundTracker {
  #state = State.Ground;
  #csi = '';
  #lost = false;
  #alt = false;
  #normalMargins = false; // true: maybe set
  #altMargins = false;

  /** True when xterm's parser is known to be in its ground state after what was followed. */
  get ground(): boolean {
    return this.#state === State.Ground;
  }

  /** Ground, and the active buffer's scroll region known to be the whole screen. */
  get safe(): boolean {
    return this.ground && !this.#lost && !(this.#alt ? this.#altMargins : this.#normalMargins);
  }

  /** The buffer the tracker believes active (meaningless once lost). */
  get altScreen(): boolean {
    return this.#alt;
  }

  /**
   * Follows `text`, calling `plain(start, end)` for each stretch of plain text met in ground or
   * unknown state (offsets in `text`); `safe` holds throughout the stretch.
   */
  scan(text: string, plain?: (start: number, end: number) => void): void {
    let i = 0;
    while (i < text.length) {
      if (this.#state === State.Ground || this.#state === State.Unknown) {
        NON_PLAIN.lastIndex = i;
        const end = NON_PLAIN.test(text) ? NON_PLAIN.lastIndex - 1 : text.length;
        if (end > i) plain?.(i, end);
        if (end < text.length) this.step(text.charCodeAt(end));
        i = end + 1;
      } else {
        this.step(text.charCodeAt(i++));
      }
    }
  }

  /** Follows one UTF-16 code unit. */
  step(code: number): void {
    switch (code) {
      case 0x1b:
        this.#state = State.Esc;
        return;
      case 0x9b:
        this.#state = State.Csi;
        this.#csi = '';
        return;
      case 0x9d:
        this.#state = State.Osc;
        return;
      case 0x90:
      case 0x98:
      case 0x9e:
      case 0x9f:
        this.#state = State.Unknown; // DCS, SOS, PM, APC: strings that never touch the buffers
        return;
    }
    switch (this.#state) {
      case State.Esc:
        return this.#esc(code);
      case State.EscIntermediate:
        if (code >= 0x20 && code <= 0x2f) return;
        // With intermediates: charsets, DECALN; none touches buffers or margins.
        if (code >= 0x30 && code <= 0x7e) this.#state = State.Ground;
        else this.#lose();
        return;
      case State.Csi:
        if (code >= 0x20 && code <= 0x3f) {
          if (this.#csi.length <= CSI_BODY_MAX) this.#csi += String.fromCharCode(code);
        } else if (code >= 0x40 && code <= 0x7e) {
          this.#state = State.Ground;
          this.#dispatch(code);
        } else {
          this.#lose();
        }
        return;
      case State.Osc:
        if (code === 0x07) this.#state = State.Ground;
        else if (code === 0x18 || code === 0x1a || (code >= 0x80 && code <= 0x9f)) this.#state = State.Unknown;
        return;
      default:
        return; // ground and unknown: only an introducer changes them
    }
  }

  #esc(code: number): void {
    if (code >= 0x20 && code <= 0x2f) this.#state = State.EscIntermediate;
    else if (code === 0x5b) {
      this.#state = State.Csi;
      this.#csi = '';
    } else if (code === 0x5d) this.#state = State.Osc;
    else if (code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) this.#state = State.Unknown;
    else if (code >= 0x30 && code <= 0x7e) {
      this.#state = State.Ground;
      if (code === 0x63) this.#reset(); // RIS
    } else this.#lose(); // a control inside: xterm may still finish the sequence
  }

  /** A complete CSI with body `this.#csi` and final byte `final`. */
  #dispatch(final: number): void {
    if (final !== 0x72 && final !== 0x68 && final !== 0x6c) return; // r, h, l
    const shape = this.#csi.length > CSI_BODY_MAX ? null : CSI_SHAPE.exec(this.#csi);
    if (shape === null) return this.#lose();
    const [, prefix, params, intermediates] = shape as unknown as [string, string, string, string];
    if (intermediates !== '') return; // DECSTR (CSI ! p) only ever resets a region
    const list = params.split(';');
    // Sub-parameters, more parameters than xterm keeps (32), numbers it would clamp: not followed.
    if (params.includes(':') || list.length > 32 || /\d{10}/.test(params)) return this.#lose();
    if (final === 0x72) {
      if (prefix === '') this.#setMargins(!DECSTBM_RESET.test(params));
      return;
    }
    if (prefix !== '?' || !list.some((p) => ALT_MODES.has(Number(p)))) return;
    // Entering keeps the inactive alternate buffer's whole region; leaving clears it.
    if (final === 0x68 && !this.#alt) this.#alt = true;
    else if (final === 0x6c) this.#alt = false;
    this.#altMargins = this.#alt && this.#altMargins;
  }

  #setMargins(maybeSet: boolean): void {
    if (this.#alt) this.#altMargins = maybeSet;
    else this.#normalMargins = maybeSet;
  }

  #reset(): void {
    this.#lost = false;
    this.#alt = false;
    this.#normalMargins = false;
    this.#altMargins = false;
  }

  #lose(): void {
    this.#lost = true;
    this.#state = State.Unknown;
  }
}
