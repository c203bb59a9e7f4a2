/**
 * The vocabulary of the synthetic benchmark vault (synthetic-vault.ts): places with their
 * coordinates, event days, cameras, tags and sentences in English and Russian, shaped
 * like what observers of elections and protests in Kazakhstan, Russia and Belarus file.
 * Invented for load, not evidence of anything.
 */

export interface Place {
  readonly en: string;
  readonly ru: string;
  readonly lat: number;
  readonly lon: number;
  /** Minutes east of UTC. */
  readonly offset: number;
}

export const PLACES: readonly Place[] = [
  { en: 'Petropavlovsk', ru: 'Петропавловск', lat: 54.8753, lon: 69.1628, offset: 360 },
  { en: 'Almaty', ru: 'Алматы', lat: 43.2389, lon: 76.8897, offset: 360 },
  { en: 'Astana', ru: 'Астана', lat: 51.1605, lon: 71.4704, offset: 360 },
  { en: 'Shymkent', ru: 'Шымкент', lat: 42.3417, lon: 69.5901, offset: 300 },
  { en: 'Karaganda', ru: 'Караганда', lat: 49.8047, lon: 73.1094, offset: 360 },
  { en: 'Aktobe', ru: 'Актобе', lat: 50.2839, lon: 57.167, offset: 300 },
  { en: 'Pavlodar', ru: 'Павлодар', lat: 52.2873, lon: 76.9674, offset: 360 },
  { en: 'Oral', ru: 'Уральск', lat: 51.2333, lon: 51.3667, offset: 300 },
  { en: 'Zhanaozen', ru: 'Жанаозен', lat: 43.3412, lon: 52.8619, offset: 300 },
  { en: 'Taraz', ru: 'Тараз', lat: 42.9, lon: 71.3667, offset: 360 },
  { en: 'Semey', ru: 'Семей', lat: 50.4111, lon: 80.2275, offset: 360 },
  { en: 'Kostanay', ru: 'Костанай', lat: 53.2144, lon: 63.6246, offset: 360 },
  { en: 'Moscow', ru: 'Москва', lat: 55.7558, lon: 37.6173, offset: 180 },
  { en: 'Saint Petersburg', ru: 'Санкт-Петербург', lat: 59.9343, lon: 30.3351, offset: 180 },
  { en: 'Novosibirsk', ru: 'Новосибирск', lat: 55.0084, lon: 82.9357, offset: 420 },
  { en: 'Yekaterinburg', ru: 'Екатеринбург', lat: 56.8389, lon: 60.6057, offset: 300 },
  { en: 'Kazan', ru: 'Казань', lat: 55.7961, lon: 49.1064, offset: 180 },
  { en: 'Khabarovsk', ru: 'Хабаровск', lat: 48.4802, lon: 135.0719, offset: 600 },
  { en: 'Minsk', ru: 'Минск', lat: 53.9006, lon: 27.559, offset: 180 },
  { en: 'Brest', ru: 'Брест', lat: 52.0976, lon: 23.7341, offset: 180 },
  { en: 'Grodno', ru: 'Гродно', lat: 53.6694, lon: 23.8131, offset: 180 },
  { en: 'Tbilisi', ru: 'Тбилиси', lat: 41.7151, lon: 44.8271, offset: 240 },
  { en: 'Bishkek', ru: 'Бишкек', lat: 42.8746, lon: 74.5698, offset: 360 },
  { en: 'Tashkent', ru: 'Ташкент', lat: 41.2995, lon: 69.2401, offset: 300 },
];

/** Days when much was filmed (elections, protests), with their weight among all items. */
export const EVENT_DAYS: ReadonlyArray<readonly [string, number]> = [
  ['2019-06-09', 0.06],
  ['2020-08-09', 0.07],
  ['2020-08-10', 0.04],
  ['2021-01-10', 0.1],
  ['2022-01-05', 0.08],
  ['2022-01-06', 0.05],
  ['2022-11-20', 0.05],
  ['2023-03-19', 0.05],
  ['2024-03-17', 0.05],
];

export const CAMERAS: ReadonlyArray<readonly [string, string, 'phone' | 'camera']> = [
  ['Apple', 'iPhone 8', 'phone'],
  ['Apple', 'iPhone 11', 'phone'],
  ['Apple', 'iPhone 12 Pro', 'phone'],
  ['Apple', 'iPhone 14', 'phone'],
  ['samsung', 'SM-G991B', 'phone'],
  ['samsung', 'SM-A525F', 'phone'],
  ['Xiaomi', 'Redmi Note 10 Pro', 'phone'],
  ['Xiaomi', 'M2101K6G', 'phone'],
  ['HUAWEI', 'ELE-L29', 'phone'],
  ['Google', 'Pixel 6', 'phone'],
  ['OnePlus', 'IN2013', 'phone'],
  ['Canon', 'Canon EOS 5D Mark IV', 'camera'],
  ['Canon', 'Canon EOS 80D', 'camera'],
  ['NIKON CORPORATION', 'NIKON D750', 'camera'],
  ['SONY', 'ILCE-7M3', 'camera'],
  ['FUJIFILM', 'X-T3', 'camera'],
  ['GoPro', 'HERO9 Black', 'camera'],
  ['DJI', 'FC3170', 'camera'],
];

/** Tags, most used first (items draw them with a Zipf-like skew). */
export const TAGS: readonly string[] = [
  'polling station',
  'избирательный участок',
  'police',
  'полиция',
  'crowd',
  'ballot stuffing',
  'вброс бюллетеней',
  'detention',
  'задержание',
  'observer',
  'наблюдатель',
  'protest',
  'митинг',
  'ОМОН',
  'carousel voting',
  'карусель',
  'vote count',
  'подсчёт голосов',
  'injury',
  'травма',
  'police van',
  'автозак',
  'kettling',
  'tear gas',
  'слезоточивый газ',
  'gunfire',
  'стрельба',
  'protocol',
  'протокол',
  'witness statement',
  'показания свидетеля',
  'verified',
  'needs review',
  'faces blurred',
  'press',
  'журналист',
  'Qazaqstan',
  'Қазақстан',
  'Ақмола',
  'Әділ сайлау',
];

export const SUBJECTS_EN: readonly string[] = [
  'Ballot stuffing caught on camera',
  'A man drops a bundle of ballots into the box',
  'Voters are brought in by bus',
  'Observers are refused entry',
  'Riot police line up across the square',
  'Police detain a protester',
  'The crowd chants outside the akimat',
  'Counting of ballots without observers',
  'The commission chair hides the protocol',
  'A journalist is pushed away from the camera',
  'Tear gas is fired into the crowd',
  'People hold hands in a human chain',
  'An injured man is carried to an ambulance',
  'Unmarked cars block the street',
  'Queue of voters before opening',
];

export const SUBJECTS_RU: readonly string[] = [
  'Вброс бюллетеней попал на видео',
  'Мужчина опускает пачку бюллетеней в урну',
  'Избирателей подвозят на автобусе',
  'Наблюдателей не пускают на участок',
  'ОМОН выстраивается поперёк площади',
  'Полиция задерживает протестующего',
  'Толпа скандирует у акимата',
  'Подсчёт голосов без наблюдателей',
  'Председатель комиссии прячет протокол',
  'Журналиста отталкивают от камеры',
  'В толпу бросают слезоточивый газ',
  'Люди держатся за руки в живой цепи',
  'Раненого несут к скорой помощи',
  'Машины без номеров перекрывают улицу',
  'Очередь избирателей до открытия участка',
];

export const DETAILS_EN: readonly string[] = [
  'Filmed from the observer desk.',
  'Sound is clear; faces of officials visible.',
  'The recording stops when an officer approaches.',
  'Second angle of the same moment exists.',
  'Time on the wall clock matches the file.',
  '',
];

export const DETAILS_RU: readonly string[] = [
  'Снято со стола наблюдателя.',
  'Звук чёткий, лица членов комиссии видны.',
  'Запись обрывается, когда подходит сотрудник.',
  'Есть второй ракурс того же момента.',
  'Время на настенных часах совпадает с файлом.',
  '',
];

export const NOTES: readonly string[] = [
  'Received from the observer over Signal; original file name kept.',
  'Получено от наблюдателя через Telegram, файл без пересжатия.',
  'Check against the CEC protocol before filing.',
  'Свидетель готов дать показания.',
  'Copy handed to the lawyer on the next day.',
];

export const CASES: readonly string[] = [
  'Petropavlovsk PS 660 ballot stuffing 2021-01-10',
  'Almaty kettling 2021-01-10',
  'Almaty January events 2022',
  'Minsk detentions August 2020',
  'Zhanaozen 2022',
  'Moscow 2024 carousel voting',
  'Observers refused entry 2023',
  'Жалоба в ЦИК 2021',
  'Дело о вбросе, УИК 120',
  'UN Special Rapporteur submission',
];
