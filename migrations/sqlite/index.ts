import * as migration_20261123_122406_initial from './20261123_122406_initial';
import * as migration_20261123_133725_feed_status_index from './20261123_133725_feed_status_index';
import * as migration_20261127_102351_h5p_libraries_module_progress_official_name from './20261127_102351_h5p_libraries_module_progress_official_name';
import * as migration_20261127_112424_complete_course_task from './20261127_112424_complete_course_task';
import * as migration_20261127_130252_portal_module_video_password_reset from './20261127_130252_portal_module_video_password_reset';
import * as migration_20261127_155744_featured_courses from './20261127_155744_featured_courses';
import * as migration_20261127_162505_mentor_training from './20261127_162505_mentor_training';
import * as migration_20261127_165456_camps from './20261127_165456_camps';
import * as migration_20261127_190059_credit_ledger from './20261127_190059_credit_ledger';
import * as migration_20261127_194217_enrollment_places from './20261127_194217_enrollment_places';
import * as migration_20261128_161521_mentor_certification_status_index from './20261128_161521_mentor_certification_status_index';

export const migrations = [
  {
    up: migration_20261123_122406_initial.up,
    down: migration_20261123_122406_initial.down,
    name: '20261123_122406_initial',
  },
  {
    up: migration_20261123_133725_feed_status_index.up,
    down: migration_20261123_133725_feed_status_index.down,
    name: '20261123_133725_feed_status_index',
  },
  {
    up: migration_20261127_102351_h5p_libraries_module_progress_official_name.up,
    down: migration_20261127_102351_h5p_libraries_module_progress_official_name.down,
    name: '20261127_102351_h5p_libraries_module_progress_official_name',
  },
  {
    up: migration_20261127_112424_complete_course_task.up,
    down: migration_20261127_112424_complete_course_task.down,
    name: '20261127_112424_complete_course_task',
  },
  {
    up: migration_20261127_130252_portal_module_video_password_reset.up,
    down: migration_20261127_130252_portal_module_video_password_reset.down,
    name: '20261127_130252_portal_module_video_password_reset',
  },
  {
    up: migration_20261127_155744_featured_courses.up,
    down: migration_20261127_155744_featured_courses.down,
    name: '20261127_155744_featured_courses',
  },
  {
    up: migration_20261127_162505_mentor_training.up,
    down: migration_20261127_162505_mentor_training.down,
    name: '20261127_162505_mentor_training',
  },
  {
    up: migration_20261127_165456_camps.up,
    down: migration_20261127_165456_camps.down,
    name: '20261127_165456_camps',
  },
  {
    up: migration_20261127_190059_credit_ledger.up,
    down: migration_20261127_190059_credit_ledger.down,
    name: '20261127_190059_credit_ledger',
  },
  {
    up: migration_20261127_194217_enrollment_places.up,
    down: migration_20261127_194217_enrollment_places.down,
    name: '20261127_194217_enrollment_places',
  },
  {
    up: migration_20261128_161521_mentor_certification_status_index.up,
    down: migration_20261128_161521_mentor_certification_status_index.down,
    name: '20261128_161521_mentor_certification_status_index'
  },
];
