-- One meaning of the two scores of a screening request, yente's: the threshold decides a result's match
-- flag, the cutoff is the lowest score returned. Requests recorded before kept only the cutoff (then
-- named min_score); their match flags were set at the scoring model's threshold of the time, 0.7.

ALTER TABLE screening_request RENAME COLUMN min_score TO cutoff;
ALTER TABLE screening_request ADD COLUMN match_threshold DOUBLE PRECISION;
UPDATE screening_request SET match_threshold = 0.7;
ALTER TABLE screening_request ALTER COLUMN match_threshold SET NOT NULL;
