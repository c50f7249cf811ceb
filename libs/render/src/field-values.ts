import { parseTemplateString, type TemplateSegment } from '@gantry/domain';
import { escapeSub } from './intrinsics';
import type { CfnValue } from './template.types';

/**
 * How one `#{Name}` is written into the template: inlined as `value`, or through the CloudFormation
 * parameter `parameter`. `value` is null when it is only known at deploy time.
 */
export interface Binding {
  parameter: string | null;
  value: string | null;
  sensitive: boolean;
}

/** Turns the step's string and number fields into template values, tracking the parameters used. */
export interface FieldValues {
  /** The field's text after substitution; null when only known at deploy time. */
  expand(raw: string): string | null;
  /** True when the field uses a sensitive value, which must never appear in a message. */
  sensitive(raw: string): boolean;
  /** A string field: the text, or `Ref` / `Fn::Sub` when it uses parameters. */
  text(raw: string): CfnValue;
  /** A number field: the number, `Ref` to a parameter, or `Fn::Sub` for mixed text. */
  number(raw: number | string): CfnValue;
  /** Parameters used so far, with whether one was the whole value of a number field. */
  readonly used: ReadonlyMap<string, { numeric: boolean }>;
}

/** Builds the FieldValues of one render from a binding per variable name. */
export function createFieldValues(lookup: (name: string) => Binding): FieldValues {
  const used = new Map<string, { numeric: boolean }>();
  // A name binds the same way for the whole render: look each one up once.
  const bindings = new Map<string, Binding>();
  const bind = (name: string): Binding => {
    let binding = bindings.get(name);
    if (!binding) bindings.set(name, (binding = lookup(name)));
    return binding;
  };
  const sensitivity = new Map<string, boolean>();
  const parsed = new Map<string, TemplateSegment[]>();
  const segmentsOf = (raw: string): TemplateSegment[] => {
    let segments = parsed.get(raw);
    if (!segments) parsed.set(raw, (segments = parseTemplateString(raw)));
    return segments;
  };
  const use = (parameter: string, numeric: boolean) => {
    const entry = used.get(parameter);
    used.set(parameter, { numeric: numeric || (entry?.numeric ?? false) });
  };

  const expand = (raw: string): string | null => {
    if (!raw.includes('#{')) return raw;
    let out = '';
    for (const segment of segmentsOf(raw)) {
      const value = segment.ref === undefined ? segment.text : bind(segment.ref).value;
      if (value === null) return null;
      out += value;
    }
    return out;
  };

  const sensitive = (raw: string): boolean => {
    if (!raw.includes('#{')) return false;
    let known = sensitivity.get(raw);
    if (known === undefined)
      sensitivity.set(
        raw,
        (known = segmentsOf(raw).some(
          (segment) => segment.ref !== undefined && bind(segment.ref).sensitive,
        )),
      );
    return known;
  };

  const text = (raw: string): CfnValue => {
    if (!raw.includes('#{')) return raw;
    const segments = segmentsOf(raw);
    const bindings = segments.map((segment) =>
      segment.ref === undefined ? null : bind(segment.ref),
    );
    if (bindings.every((binding) => binding === null || binding.parameter === null))
      return expand(raw) ?? '';
    if (segments.length === 1 && bindings[0]?.parameter) {
      use(bindings[0].parameter, false);
      return { Ref: bindings[0].parameter };
    }
    const body = segments
      .map((segment, index) => {
        const binding = bindings[index];
        if (binding === null) return escapeSub(segment.text ?? '');
        if (binding.parameter === null) return escapeSub(binding.value ?? '');
        use(binding.parameter, false);
        return `\${${binding.parameter}}`;
      })
      .join('');
    return { 'Fn::Sub': body };
  };

  const number = (raw: number | string): CfnValue => {
    if (typeof raw === 'number') return raw;
    const segments = segmentsOf(raw);
    if (segments.length === 1 && segments[0].ref !== undefined) {
      const binding = bind(segments[0].ref);
      if (binding.parameter !== null) {
        use(binding.parameter, true);
        return { Ref: binding.parameter };
      }
    }
    const out = text(raw);
    return typeof out === 'string' ? Number(out) : out;
  };

  return { expand, sensitive, text, number, used };
}
