import { ApiError } from './api';
import { fieldErrors } from './field-errors';

const refused = (errors: { path: string; message: string }[]) =>
  new ApiError(400, { detail: 'The freeze is invalid.', errors });

describe('fieldErrors (a refused form shows each error at its field)', () => {
  it('puts each error at its field, nested paths at the field that holds them', () => {
    const result = fieldErrors(
      refused([
        { path: 'name', message: 'required' },
        { path: 'recurrence.days', message: 'name at least one day' },
        { path: 'recurrence', message: 'is odd' },
        { path: 'projects.0', message: "unknown project 'x'" },
        { path: 'projects.1', message: "unknown project 'y'" },
      ]),
      ['name', 'recurrence', 'recurrence.days', 'projects'],
    );
    expect(result).toEqual({
      byField: {
        name: 'required',
        'recurrence.days': 'name at least one day',
        recurrence: 'is odd',
        projects: "unknown project 'x'; unknown project 'y'",
      },
      general: ['The freeze is invalid.'],
    });
  });

  it('keeps errors no field shows, and errors that are not the API’s, general', () => {
    expect(
      fieldErrors(refused([{ path: 'phases[0].name', message: 'too long' }]), ['name']),
    ).toEqual({ byField: {}, general: ['The freeze is invalid.', 'phases[0].name: too long'] });
    expect(fieldErrors(new Error('offline'), ['name'])).toEqual({
      byField: {},
      general: ['offline'],
    });
    expect(fieldErrors(undefined, ['name'])).toEqual({ byField: {}, general: [] });
  });
});
