/**
 * Word's complex fields for the DOCX writer: `w:fldChar` begin, the instruction in `w:instrText`,
 * `w:fldChar` separate, the runs Word shows until the field is updated, `w:fldChar` end. The
 * `docx` library writes only simple fields, whose result Word may not keep; these are the
 * elements it lacks, built on its XML components.
 */
import { TextRun, XmlAttributeComponent, XmlComponent } from 'docx';

class FieldCharAttributes extends XmlAttributeComponent<{ type: string }> {
  protected override readonly xmlKeys = { type: 'w:fldCharType' };
}

class FieldChar extends XmlComponent {
  constructor(type: 'begin' | 'separate' | 'end') {
    super('w:fldChar');
    this.root.push(new FieldCharAttributes({ type }));
  }
}

class SpaceAttributes extends XmlAttributeComponent<{ space: string }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

class InstrText extends XmlComponent {
  constructor(text: string) {
    super('w:instrText');
    this.root.push(new SpaceAttributes({ space: 'preserve' }));
    this.root.push(text);
  }
}

/** The runs that open a field: begin, the instruction, separate. Its result follows, then `fieldEnd`. */
export function fieldStart(instruction: string): TextRun[] {
  return [
    new TextRun({ children: [new FieldChar('begin')] }),
    new TextRun({ children: [new InstrText(instruction)] }),
    new TextRun({ children: [new FieldChar('separate')] }),
  ];
}

/** The run that closes a field. */
export function fieldEnd(): TextRun {
  return new TextRun({ children: [new FieldChar('end')] });
}
