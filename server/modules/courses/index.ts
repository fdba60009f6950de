/** The courses module's public surface. */
export { courseRoutes } from './courses.routes.ts';
export { publicCourseRoutes } from './public.routes.ts';
export { COURSE_INDICATORS } from './courses.indicators.ts';
export { courses, courseLessons } from './courses.table.ts';
export { createCourse, attachTest, publishCourse } from './course.service.ts';
export { addLesson } from './lesson.service.ts';
export { AttachTestBody, CreateCourseBody, LessonBody } from './courses.contracts.ts';
