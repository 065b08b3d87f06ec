import { HttpStatus } from '@nestjs/common';

export enum AuditErrorCode {
  RangeInverted = 'AIS_AUDIT_RANGE_INVERTED',
  UnknownMetric = 'AIS_AUDIT_UNKNOWN_METRIC',
}

export const AUDIT_ERROR_STATUS: Record<AuditErrorCode, HttpStatus> = {
  [AuditErrorCode.RangeInverted]: HttpStatus.BAD_REQUEST,
  [AuditErrorCode.UnknownMetric]: HttpStatus.NOT_FOUND,
};
