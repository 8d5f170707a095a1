// Passwords of 10+ characters that lead every public breach list; shorter ones fail the length rule anyway.
// Compared case-insensitively.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '0123456789', '1029384756', '1111111111', '1122334455', '1234512345', '1234567890', '12345678910',
  '123456789a', '1234567891', '123123123123', '1234qwerasdf', '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  '1qazxsw23edc', '9876543210', '0987654321', '0000000000', '5555555555', '7777777777', '9999999999',
  'a123456789', 'a1b2c3d4e5', 'abc1234567', 'abcd123456', 'abcdefghij', 'abcdefg123', 'administrator',
  'asdfghjkl1', 'asdfghjkl;', 'asdfasdfasdf', 'baseball123', 'basketball', 'blink182182', 'changeme123',
  'charlie123', 'chocolate1', 'computer123', 'dragon12345', 'football123', 'football12', 'iloveyou12',
  'iloveyou123', 'internet123', 'letmein123', 'letmein1234', 'liverpool1', 'marketing1', 'marketing123',
  'michael123', 'monkey12345', 'mypassword', 'mypassword1', 'passw0rd12', 'passw0rd123', 'password!1',
  'password01', 'password12', 'password123', 'password1234', 'password12345', 'p@ssw0rd123', 'p@ssword123',
  'princess123', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'qazwsxedc123', 'qazwsxedcrfv', 'qwer1234qwer', 'qwerty1234',
  'qwerty12345', 'qwerty123456', 'qwertyuiop', 'qwertyuiop123', 'qwertyuiop1', 'starwars123', 'sunshine123',
  'superman123', 'trustno1234', 'welcome123', 'welcome1234', 'whatever123', 'zaq12wsxcde', 'zxcvbnm123',
  'zxcvbnmasdf', 'iloveyou1234', 'password2024', 'password2025', 'password2026', 'welcome2024', 'welcome2025',
  'welcome2026', 'summer2024!', 'summer2025!', 'winter2025!', 'spring2026!', 'letmeinplease', 'adminadmin',
  'admin12345', 'admin123456', 'rootroot12', 'testtest12', 'test123456', 'testing123', 'secret1234',
  'hello12345', 'helloworld', 'helloworld1', 'loveyou123', 'ashley1234', 'jessica123', 'jordan2323',
  'pokemon123', 'samsung123', 'shadow1234', 'master1234', 'killer1234', 'soccer1234', 'hunter1234',
]);
