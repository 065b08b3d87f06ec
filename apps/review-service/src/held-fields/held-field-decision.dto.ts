import { FIELD_OUTCOMES, type FieldOutcome } from '@ais/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class FieldDecisionDto {
  @IsString()
  @MaxLength(500)
  path!: string;

  @IsIn(FIELD_OUTCOMES)
  outcome!: FieldOutcome;

  /** For `redacted`: the value with the personal part edited out. */
  @IsOptional()
  @IsString()
  @MaxLength(65_536)
  redactedText?: string;
}

export class HeldFieldDecisionDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => FieldDecisionDto)
  fields!: FieldDecisionDto[];
}
