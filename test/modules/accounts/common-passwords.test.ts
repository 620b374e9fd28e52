import fxaList from 'fxa-common-password-list';
import encodedPasswords from 'fxa-common-password-list/src/encoded-passwords';
import { commonPasswordCount, isCommonPassword } from '../../../src/modules/accounts/common-passwords';

test('when the list is read into a set, then it holds every password of the package and agrees with its own test', () => {
  const lines = encodedPasswords.split('\n').length;
  expect(commonPasswordCount).toBeGreaterThan(40_000);
  expect(commonPasswordCount).toBeLessThanOrEqual(lines);
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
