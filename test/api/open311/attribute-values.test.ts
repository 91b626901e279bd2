import { attributeData } from '../../../api/open311/attribute-values';
import type { FieldMap, Open311Attribute } from '../../../workflows/engine/flow-model';

const attribute = (code: string): Open311Attribute => ({
  code,
  datatype: 'number',
  required: true,
  order: 1,
  values: [],
});
const ATTRIBUTES = [attribute('weight'), attribute('casualties')];
const FIELDS: FieldMap = {
  weight: { type: 'number', required: true },
  casualties: { type: 'integer', required: true },
};

describe('Open311 attribute values of number fields', () => {
  it('reads plain decimals: a number with a fraction, an integer without', () => {
    expect(attributeData(ATTRIBUTES, FIELDS, { weight: '-2.5', casualties: '3' })).toEqual({
      data: { weight: -2.5, casualties: 3 },
      problems: [],
    });
  });

  it.each(['0x10', ' 1', '1e1', '+1', '1.', '.5', 'Infinity', '1_0'])(
    'refuses %j, which Number would read, naming the attribute',
    (value) => {
      expect(attributeData(ATTRIBUTES, FIELDS, { weight: value, casualties: value }).problems).toEqual([
        'attribute[weight]: must be a decimal number, like 2.5',
        'attribute[casualties]: must be a whole number written in decimal digits, like 20',
      ]);
    },
  );

  it('refuses a fraction for an integer field', () => {
    expect(attributeData(ATTRIBUTES, FIELDS, { weight: '1.0', casualties: '1.0' }).problems).toEqual([
      'attribute[casualties]: must be a whole number written in decimal digits, like 20',
    ]);
  });
});
