import fxaList from 'fxa-common-password-list';
import encodedPasswords from 'fxa-common-password-list/src/encoded-passwords';
import incrementalEncoder from 'incremental-encoder';
import { commonPasswordCount, isCommonPassword } from '../../../src/modules/accounts/common-passwords';

test('when the list is read, then it holds every password of the package and agrees with its own test', () => {
  const lines = encodedPasswords.split('\n').length;
  expect(commonPasswordCount()).toBeGreaterThan(40_000);
  expect(commonPasswordCount()).toBeLessThanOrEqual(lines);
  for (const password of [
    'password',
    'PASSWORD',
    'qwertyuiop',
    '123456789',
    'iloveyou',
    'a perfectly long passphrase',
    'Correct-Horse-7-Battery',
    'xX_d4rk_Xx_unusual',
  ]) {
    expect(isCommonPassword(password)).toBe(fxaList.test(password) || fxaList.test(password.toLowerCase()));
  }
  expect(isCommonPassword('password1')).toBe(true);
  expect(isCommonPassword('a perfectly long passphrase')).toBe(false);
});

test('when any password of the list is looked up, then it is found, and its near neighbours agree with the package', () => {
  const passwords: string[] = new incrementalEncoder.Decoder().decode(encodedPasswords.split('\n'));
  expect(passwords.every((password) => isCommonPassword(password))).toBe(true);
  // Entries bisection would meet on the way: the words around each sampled entry in sort order, not on the list.
  for (const password of passwords.filter((_, index) => index % 97 === 0)) {
    for (const near of [`${password}x`, password.slice(0, -1), `${password} `, `!${password}`]) {
      expect(isCommonPassword(near)).toBe(fxaList.test(near) || fxaList.test(near.toLowerCase()));
    }
  }
});
