/**
 * The personal-data scan before sharing (issue 16), on notes written the way
 * people write them about cases, in several countries' formats (all numbers
 * and addresses here are made up, in ranges set aside for examples where one
 * exists), and on the report itself, whose dates, years, money and figures
 * must not be flagged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../../main/core/exchange/personal-data';

const found = (text: string) => findPersonalData(text).map((h) => `${h.kind}:${h.match}`);

describe('findPersonalData', () => {
  it('finds e-mail addresses and web addresses, without the sentence’s full stop', () => {
    expect(found('Wrote to tanaka.yuki@example.jp and s.nguyen+case@mail.example.vn today.')).toEqual(['email:tanaka.yuki@example.jp', 'email:s.nguyen+case@mail.example.vn']);
    expect(found('See https://example.org/case?id=5. Also www.shelter.example.jp, and http://192.0.2.7/intake')).toEqual([
      'url:https://example.org/case?id=5',
      'url:www.shelter.example.jp',
      'url:http://192.0.2.7/intake',
    ]);
  });

  it.each([
    ['Japan, mobile', 'call 090-1234-5678 after six', '090-1234-5678'],
    ['Japan, Tokyo landline', 'office 03-1234-5678.', '03-1234-5678'],
    ['Japan, international', 'her number is +81 90-1234-5678', '+81 90-1234-5678'],
    ['Japan, international with the trunk 0', 'tel +81 (0)3 1234 5678', '+81 (0)3 1234 5678'],
    ['Japan, digits only', 'sms 09012345678', '09012345678'],
    ['US', 'hotline (212) 555-0147 or', '(212) 555-0147'],
    ['US, dashes', 'cell 212-555-0147', '212-555-0147'],
    ['US, international', '+1 (212) 555-0147', '+1 (212) 555-0147'],
    ['UK, London', 'tel 020 7946 0958', '020 7946 0958'],
    ['UK, mobile', 'mobile 07700 900123', '07700 900123'],
    ['UK, international', '+44 7700 900123', '+44 7700 900123'],
    ['Philippines, mobile', 'text 0917 123 4567', '0917 123 4567'],
    ['Philippines, international', 'Viber +63 917 123 4567', '+63 917 123 4567'],
    ['Philippines, Manila landline', '(02) 8123 4567', '(02) 8123 4567'],
    ['Viet Nam, mobile', 'Zalo 091 234 5678', '091 234 5678'],
    ['Viet Nam, international', '+84 91 234 56 78', '+84 91 234 56 78'],
    ['Viet Nam, Ho Chi Minh City landline', '(028) 3822 1234', '(028) 3822 1234'],
  ])('finds a phone number: %s', (_country, text, match) => {
    expect(found(text)).toEqual([`phone:${match}`]);
  });

  it('finds passport and case numbers as long digit runs', () => {
    expect(found('Passport TZ1234567 (Japan), P1234567A (Philippines), C12345678, US 123456789; case No.2021-0045123; file 45123678.')).toEqual([
      'digits:TZ1234567',
      'digits:P1234567A',
      'digits:C12345678',
      'digits:123456789',
      'digits:2021-0045123',
      'digits:45123678',
    ]);
  });

  it('leaves dates, years, ranges, money, thousands, paragraph numbers and decimals alone', () => {
    const text =
      'On 2021-06-30 (30/06/2021, 20210630), in 2019-2020 and 2017/2018, fines of ¥100,000,000, $5000000, 100000000 yen, ' +
      '145,520 victims of 15,000,000 residents, Protection ¶4, 1.5 million, 3.5 percent, 1,147 cases, rec-12, TIP 2021.';
    expect(found(text)).toEqual([]);
  });

  it('gives offsets into the text that slice to the match', () => {
    const text = 'Aiko: +81 90-1234-5678, aiko@example.jp';
    for (const hit of findPersonalData(text)) expect(text.slice(hit.start, hit.end)).toBe(hit.match);
    expect(findPersonalData(text).map((h) => h.kind)).toEqual(['phone', 'email']);
  });

  it('flags nothing in the whole report, whose figures are its own', () => {
    const report = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
    // The report has dates, years, money and counts in the thousands, and no personal data.
    expect(report).toMatch(/\d{1,3}(?:,\d{3})+/u);
    expect(findPersonalData(report)).toEqual([]);
  });
});
