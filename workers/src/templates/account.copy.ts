import type { EmailCopyBook, SmsCopyBook } from './mail-copy';

/** Mail about the account itself, in Korean and English. */
export const accountEmailCopy: EmailCopyBook<'verification' | 'welcome' | 'password-reset'> = {
  ko: {
    verification: (job) => ({
      subject: '[Shop] 이메일 주소를 인증해 주세요',
      greeting: `${job.name}님, 가입해 주셔서 감사합니다.`,
      lines: ['아래 버튼을 눌러 이메일 주소를 인증해 주세요. 링크는 24시간 동안 유효합니다.'],
      action: { label: '이메일 인증하기', url: job.verifyUrl },
      closing: '본인이 요청하지 않았다면 이 메일을 무시하셔도 됩니다.',
    }),
    welcome: (job) => ({
      subject: '[Shop] 가입을 환영합니다',
      greeting: `${job.name}님, 환영합니다!`,
      lines: ['이메일 인증이 완료되었습니다. 이제 모든 서비스를 이용하실 수 있습니다.'],
      closing: '감사합니다. Shop 드림',
    }),
    'password-reset': (job) => ({
      subject: '[Shop] 비밀번호 재설정 안내',
      greeting: `${job.name}님, 안녕하세요.`,
      lines: ['아래 버튼을 눌러 새 비밀번호를 설정해 주세요. 링크는 24시간 동안 유효합니다.'],
      action: { label: '비밀번호 재설정', url: job.resetUrl },
      closing: '본인이 요청하지 않았다면 이 메일을 무시하셔도 됩니다.',
    }),
  },
  en: {
    verification: (job) => ({
      subject: '[Shop] Please verify your email address',
      greeting: `Hi ${job.name}, thanks for signing up.`,
      lines: ['Confirm your email address with the button below. The link is valid for 24 hours.'],
      action: { label: 'Verify my email', url: job.verifyUrl },
      closing: 'If you did not sign up, you can ignore this mail.',
    }),
    welcome: (job) => ({
      subject: '[Shop] Welcome aboard',
      greeting: `Welcome, ${job.name}!`,
      lines: ['Your email address is verified. Everything in the shop is open to you now.'],
      closing: 'Thank you, the Shop team',
    }),
    'password-reset': (job) => ({
      subject: '[Shop] Reset your password',
      greeting: `Hi ${job.name},`,
      lines: ['Choose a new password with the button below. The link is valid for 24 hours.'],
      action: { label: 'Reset my password', url: job.resetUrl },
      closing: 'If you did not ask for this, you can ignore this mail.',
    }),
  },
};

/** Text messages about the account. */
export const accountSmsCopy: SmsCopyBook<'welcome'> = {
  ko: { welcome: (job) => `[Shop] ${job.name}님, 가입을 환영합니다!` },
  en: { welcome: (job) => `[Shop] Welcome, ${job.name}!` },
};
