/** The only SQL for regions' answers, surveys, milestones and joint answers, one file per table group. */
export * from './repository/rounds.js';
export * from './repository/settings.js';
export * from './repository/answers.js';
export * from './repository/surveys.js';
export * from './repository/people.js';
export * from './repository/joint-answers.js';
