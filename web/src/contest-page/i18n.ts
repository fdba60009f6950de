import { useMemo, useSyncExternalStore } from 'react';

/**
 * The contest page's words, Vietnamese first with English. Not i18next: this page is its own
 * small entry (decision 0011); the language choice is shared with the main app (`px.lang`).
 */
const vi = {
  appName: 'Phủ Xanh',
  loading: 'Đang tải…',
  retry: 'Thử lại',
  back: 'Quay lại cuộc thi',
  organiser: 'Đơn vị tổ chức',
  rules: 'Thể lệ',
  rounds: 'Các vòng thi',
  round: 'Vòng {n}',
  questions: '{n} câu hỏi',
  timeLimit: 'Thời gian làm bài: {t}',
  perQuestion: '{t} mỗi câu',
  noTimeLimit: 'Không giới hạn thời gian',
  attemptsPerRound: 'Tối đa {n} lượt thi mỗi vòng',
  status_upcoming: 'Sắp mở',
  status_open: 'Đang mở',
  status_over: 'Đã kết thúc, chờ tổng kết',
  status_closed: 'Đã tổng kết',
  seeResults: 'Xem kết quả',
  notFound: 'Không tìm thấy cuộc thi. Đường dẫn có thể sai hoặc cuộc thi chưa công bố.',
  loadFailed: 'Không tải được trang. Kiểm tra kết nối mạng rồi thử lại.',
  hello: 'Xin chào, {name}',
  attemptsLeft: 'Còn {n} lượt thi trong vòng này',
  attemptsUsed: 'Đã thi {n} lượt',
  noAttemptsLeft: 'Bạn đã dùng hết lượt thi của vòng này.',
  best: 'Kết quả tốt nhất: {score}/{max} điểm, {time}',
  bestLater: 'Điểm được công bố sau khi vòng thi kết thúc.',
  start: 'Bắt đầu làm bài',
  resume: 'Tiếp tục lượt thi đang làm',
  noOpenRound: 'Hiện chưa có vòng thi nào đang mở.',
  certificates: 'Giấy chứng nhận',
  downloadCertificate: 'Tải giấy chứng nhận vòng {n} (PDF)',
  register: 'Đăng ký dự thi',
  registerHint:
    'Mỗi số điện thoại đăng ký một lần. Thông tin dùng để xếp giải và cấp giấy chứng nhận.',
  fullName: 'Họ và tên',
  phone: 'Số điện thoại',
  birthYear: 'Năm sinh',
  unit: 'Đơn vị (chi đoàn, trường, cơ quan)',
  unitHint: 'Gõ tên để chọn đơn vị trong danh sách; nếu không có, giữ nguyên tên bạn gõ.',
  unitPicked: 'Đã chọn: {name}',
  unitChange: 'Đổi',
  idNumber: 'Số CCCD (không bắt buộc)',
  optional: 'không bắt buộc',
  submitRegister: 'Đăng ký',
  solving: 'Đang xác minh chống tự động…',
  required: 'Vui lòng nhập {field}.',
  badPhone: 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0.',
  badBirthYear: 'Năm sinh không hợp lệ.',
  badIdNumber: 'Số CCCD phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số).',
  question: 'Câu {n}/{total}',
  pickOne: 'Chọn một đáp án',
  pickMany: 'Chọn một hoặc nhiều đáp án',
  previous: 'Câu trước',
  next: 'Câu tiếp',
  finish: 'Nộp bài',
  timeLeft: 'Thời gian còn lại',
  saving: 'Đang lưu…',
  saved: 'Đã lưu câu trả lời',
  saveFailed: 'Chưa lưu được (mạng yếu); câu trả lời sẽ được gửi khi nộp bài.',
  answeredCount: 'Đã trả lời {n}/{total} câu',
  prediction:
    'Câu hỏi dự đoán: theo bạn, bao nhiêu người trả lời đúng tất cả các câu của vòng này?',
  predictionHint: 'Dùng để xếp hạng khi bằng điểm.',
  confirmSubmit: 'Xác nhận nộp bài',
  submitting: 'Đang nộp bài…',
  submitted: 'Đã nộp bài',
  submittedLate: 'Đã nộp bài sau thời hạn; chỉ các câu trả lời được lưu trước thời hạn được tính.',
  expired: 'Lượt thi đã hết giờ.',
  duration: 'Thời gian làm bài: {time}',
  score: 'Điểm: {score}/{max} ({correct}/{total} câu đúng)',
  scoreAfterRound: 'Điểm và xếp hạng được công bố sau khi vòng thi kết thúc.',
  review: 'Đáp án và giải thích',
  yourAnswer: 'Bạn chọn',
  correctAnswer: 'Đáp án đúng',
  results: 'Kết quả vòng {n}',
  participants: '{n} người dự thi',
  trueCount: 'Số người trả lời đúng tất cả: {n}',
  rank: 'Hạng',
  name: 'Họ tên',
  points: 'Điểm',
  prize: 'Giải',
  nextPage: 'Trang sau',
  prevPage: 'Trang trước',
  page: 'Trang {n}/{total}',
  notClosedYet: 'Vòng thi chưa được tổng kết.',
  minutes: '{m} phút {s} giây',
  wholeMinutes: '{m} phút',
  seconds: '{s} giây',
  langLabel: 'Ngôn ngữ',
};
export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  appName: 'Phủ Xanh',
  loading: 'Loading…',
  retry: 'Try again',
  back: 'Back to the contest',
  organiser: 'Organiser',
  rules: 'Rules',
  rounds: 'Rounds',
  round: 'Round {n}',
  questions: '{n} questions',
  timeLimit: 'Time allowed: {t}',
  perQuestion: '{t} per question',
  noTimeLimit: 'No time limit',
  attemptsPerRound: 'Up to {n} attempts per round',
  status_upcoming: 'Upcoming',
  status_open: 'Open',
  status_over: 'Ended, awaiting results',
  status_closed: 'Results published',
  seeResults: 'See results',
  notFound: 'Contest not found. The link may be wrong or the contest not yet published.',
  loadFailed: 'Could not load the page. Check your connection and try again.',
  hello: 'Hello, {name}',
  attemptsLeft: '{n} attempts left in this round',
  attemptsUsed: '{n} attempts taken',
  noAttemptsLeft: 'You have used all attempts of this round.',
  best: 'Best result: {score}/{max} points, {time}',
  bestLater: 'Scores are published when the round ends.',
  start: 'Start the quiz',
  resume: 'Continue your attempt',
  noOpenRound: 'No round is open at the moment.',
  certificates: 'Certificates',
  downloadCertificate: 'Download the round {n} certificate (PDF)',
  register: 'Register',
  registerHint:
    'One registration per phone number. Your details are used for prizes and certificates.',
  fullName: 'Full name',
  phone: 'Phone number',
  birthYear: 'Year of birth',
  unit: 'Unit (chapter, school, office)',
  unitHint: 'Type to pick a unit from the list; if it is not there, keep what you typed.',
  unitPicked: 'Selected: {name}',
  unitChange: 'Change',
  idNumber: 'ID card number (optional)',
  optional: 'optional',
  submitRegister: 'Register',
  solving: 'Checking you are not a robot…',
  required: 'Please enter {field}.',
  badPhone: 'The phone number has 10 digits and starts with 0.',
  badBirthYear: 'The year of birth is not valid.',
  badIdNumber: 'The ID number has 12 digits (or 9 for the old card).',
  question: 'Question {n}/{total}',
  pickOne: 'Pick one answer',
  pickMany: 'Pick one or more answers',
  previous: 'Previous',
  next: 'Next',
  finish: 'Submit',
  timeLeft: 'Time left',
  saving: 'Saving…',
  saved: 'Answer saved',
  saveFailed: 'Not saved yet (weak network); your answers will be sent on submission.',
  answeredCount: '{n}/{total} answered',
  prediction: 'Prediction: how many people will answer every question of this round correctly?',
  predictionHint: 'Used to rank equal scores.',
  confirmSubmit: 'Confirm and submit',
  submitting: 'Submitting…',
  submitted: 'Submitted',
  submittedLate: 'Submitted after the deadline; only answers saved in time count.',
  expired: 'The attempt ran out of time.',
  duration: 'Time taken: {time}',
  score: 'Score: {score}/{max} ({correct}/{total} correct)',
  scoreAfterRound: 'Scores and ranking are published when the round ends.',
  review: 'Answers and explanations',
  yourAnswer: 'Your answer',
  correctAnswer: 'Correct answer',
  results: 'Round {n} results',
  participants: '{n} participants',
  trueCount: 'People with every answer right: {n}',
  rank: 'Rank',
  name: 'Name',
  points: 'Score',
  prize: 'Prize',
  nextPage: 'Next page',
  prevPage: 'Previous page',
  page: 'Page {n}/{total}',
  notClosedYet: 'The round has not been closed yet.',
  minutes: '{m} min {s} s',
  wholeMinutes: '{m} min',
  seconds: '{s} s',
  langLabel: 'Language',
};

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'px.lang';
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}
let lang: Lang = readStored();
document.documentElement.lang = lang;

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function translate(current: Lang): T {
  const table = current === 'en' ? en : vi;
  return (key, values) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
}

/** The current language and its translate function; re-renders on a switch. */
export function useT(): { t: T; lang: Lang } {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => lang,
  );
  // Stable per language, so effects that depend on `t` do not rerun on every render.
  const t = useMemo(() => translate(current), [current]);
  return { t, lang: current };
}
